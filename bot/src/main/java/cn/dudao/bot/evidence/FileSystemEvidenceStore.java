package cn.dudao.bot.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The default store: {@code <root>/blobs/ab/cd/<sha256>}. A blob is written to {@code <root>/tmp},
 * forced to disk and renamed into place, so a crash leaves either the whole file or none, and a reader
 * never sees half a photo. The path is built from a validated SHA-256 only and checked to stay under
 * the root.
 */
final class FileSystemEvidenceStore implements EvidenceStore {

  private final Path blobs;
  private final Path tmp;

  FileSystemEvidenceStore(Path root) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    this.blobs = Files.createDirectories(base.resolve("blobs"));
    this.tmp = Files.createDirectories(base.resolve("tmp"));
  }

  @Override
  public String put(byte[] content) throws IOException {
    String key = sha256(content);
    Path target = pathOf(key);
    if (Files.exists(target)) {
      return key;
    }
    Files.createDirectories(target.getParent());
    Path part = tmp.resolve(UUID.randomUUID() + ".part");
    try {
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException notOnThisFs) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(part);
    }
    return key;
  }

  @Override
  public Optional<InputStream> open(String key) throws IOException {
    try {
      return Optional.of(Files.newInputStream(pathOf(key)));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    }
  }

  @Override
  public boolean contains(String key) {
    return Files.isRegularFile(pathOf(key));
  }

  Path pathOf(String key) {
    EvidenceStore.requireKey(key);
    Path path = blobs.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key).normalize();
    if (!path.startsWith(blobs)) {
      throw new IllegalArgumentException("not an evidence key");
    }
    return path;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
