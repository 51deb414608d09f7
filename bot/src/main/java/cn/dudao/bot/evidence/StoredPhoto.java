package cn.dudao.bot.evidence;

import java.time.Instant;

/**
 * A photo in the evidence store, with what was read from it.
 *
 * @param sha256       the store key of the original bytes
 * @param mediaType    {@code image/jpeg} or {@code image/png}, from the magic bytes
 * @param size         bytes
 * @param thumbSha256  the store key of its JPEG thumbnail, or null when none could be made
 * @param takenAt      the EXIF capture time, or null
 * @param latitude     the EXIF GPS latitude, or null
 * @param longitude    the EXIF GPS longitude, or null
 */
public record StoredPhoto(String sha256, String mediaType, long size, int width, int height, String thumbSha256,
                          Instant takenAt, Double latitude, Double longitude) {
}
