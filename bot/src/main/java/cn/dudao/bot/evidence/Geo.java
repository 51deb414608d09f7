package cn.dudao.bot.evidence;

/** Great-circle distance on a spherical Earth: ample for "is this photo near the village". */
final class Geo {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  private Geo() {
  }

  static double distanceKm(double lat1, double lng1, double lat2, double lng2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lng2 - lng1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
