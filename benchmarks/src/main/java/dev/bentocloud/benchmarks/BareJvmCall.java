package dev.bentocloud.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The CLI benchmark's floor: a bare JVM (only this class on the class path) making the
 * same one HTTP call as {@code whoami}'s first, {@code GET /api/v1/auth/current}, with
 * the JDK's {@link HttpClient}, and printing the status and body length.
 */
public final class BareJvmCall {

	private BareJvmCall() {
	}

	/**
	 * Makes the call.
	 * @param args the endpoint, then the API token
	 * @throws Exception on any failure (exit code 1)
	 */
	public static void main(String[] args) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(args[0] + "/api/v1/auth/current"))
			.header("X-YATAI-API-TOKEN", args[1])
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(60))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		System.out.println(response.statusCode() + " " + response.body().length());
		System.exit((response.statusCode() == 200) ? 0 : 1);
	}

}
