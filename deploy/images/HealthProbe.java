import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A container health check for images without a shell or curl: {@code java -cp /opt/safeguarding/healthprobe
 * HealthProbe http://127.0.0.1:8082/actuator/health/readiness} exits 0 when the URL answers 2xx, 1 otherwise.
 * Built by deploy/images/build-base-image.sh and added to every service image (compose's healthchecks run it;
 * Kubernetes uses its own HTTP probes instead).
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/actuator/health";
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(3000);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status >= 200 && status < 300) {
                System.exit(0);
            }
            System.err.println(url + " answered " + status);
        } catch (Exception e) {
            System.err.println(url + ": " + e);
        }
        System.exit(1);
    }
}
