package dev.bentocloud.sample.web;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

import dev.bentocloud.client.service.BentoServiceClient;
import dev.bentocloud.emulator.BentoCloudEmulator;
import dev.bentocloud.spring.autoconfigure.BentoServiceClients;
import dev.bentocloud.spring.test.emulator.AutoConfigureBentoCloudEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web mode end to end, against the emulator of the project's test support (its
 * connection details replace the credential layers, as the sample's profile
 * {@code emulator} does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// each test sees its own faults: no cached
		// answers (calls in flight are still shared)
		properties = { "sample.upstream.cache-ttl=0", "sample.upstream.error-cache-ttl=0" })
@AutoConfigureBentoCloudEmulator(seedDemoData = true)
@AutoConfigureWebTestClient
class SampleWebTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private BentoCloudEmulator emulator;

	@Autowired
	private Environment environment;

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	void whoami() {
		this.web.get()
			.uri("/whoami")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user")
			.isEqualTo("demo")
			.jsonPath("$.displayName")
			.isEqualTo("Demo User")
			.jsonPath("$.email")
			.isEqualTo("demo@example.com")
			.jsonPath("$.organization")
			.isEqualTo("acme");
	}

	@Test
	void tokensNeverIncludeTokenValues() {
		byte[] body = this.web.get()
			.uri("/tokens")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].name")
			.value((List<String> names) -> assertThat(names).contains("demo", "ci", "read-only"))
			.jsonPath("$[0].uid")
			.isNotEmpty()
			.jsonPath("$[0].createdBy")
			.isEqualTo("demo")
			.returnResult()
			.getResponseBodyContent();
		assertThat(new String(body)).doesNotContain(this.emulator.apiToken()).doesNotContain("\"token\"");
	}

	@Test
	void tokensSearch() {
		this.web.get()
			.uri("/tokens?search=read")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].name")
			.isEqualTo("read-only")
			.jsonPath("$[0].scopes[1]")
			.isEqualTo("read_cluster");
	}

	@Test
	void deployments() {
		this.web.get()
			.uri("/deployments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.name == 'demo-iris')].bento")
			.isEqualTo(List.of("iris:abc123"));
	}

	@Test
	void deployment() {
		this.web.get()
			.uri("/deployments/demo-iris")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("demo-iris")
			.jsonPath("$.status")
			.isEqualTo("running")
			.jsonPath("$.ready")
			.isEqualTo(true)
			.jsonPath("$.cluster")
			.isEqualTo("default")
			.jsonPath("$.urls[0]")
			.isEqualTo(this.emulator.deploymentUrl("demo-iris"));
	}

	@Test
	void unknownDeploymentIsAProblem404() {
		this.web.get()
			.uri("/deployments/no-such-deployment")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.title")
			.isEqualTo("Not found");
	}

	@Test
	void upstreamServerErrorIsA502Problem() {
		this.emulator.faults()
			.on("GET", "/api/v2/deployments/demo-iris")
			.times(1)
			.respond(500)
			.header("x-trace-id", "trace-42");
		try {
			this.web.get()
				.uri("/deployments/demo-iris")
				.exchange()
				.expectStatus()
				.isEqualTo(502)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("BentoCloud call failed")
				.jsonPath("$.upstreamStatus")
				.isEqualTo(500)
				.jsonPath("$.upstreamTraceId")
				.isEqualTo("trace-42");
		}
		finally {
			this.emulator.faults().clear();
		}
	}

	@Test
	void rejectedTokenIsA502ProblemWithoutTheToken() {
		this.emulator.faults().on("GET", "/api/v1/auth/current").times(1).respond(401);
		try {
			byte[] body = this.web.get()
				.uri("/whoami")
				.exchange()
				.expectStatus()
				.isEqualTo(502)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("BentoCloud rejected this service's API token")
				.jsonPath("$.upstreamStatus")
				.isEqualTo(401)
				.returnResult()
				.getResponseBodyContent();
			assertThat(new String(body)).doesNotContain(this.emulator.apiToken());
		}
		finally {
			this.emulator.faults().clear();
		}
	}

	@Test
	void unreachableBentoCloudIsA503Problem() {
		this.emulator.faults().on("GET", "/api/v1/api_tokens").resetConnection();
		try {
			this.web.get()
				.uri("/tokens")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("BentoCloud is unreachable");
		}
		finally {
			this.emulator.faults().clear();
		}
	}

	@Test
	void anonymousHealthIsOnlyTheStatus() {
		String body = new String(this.web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist()
			.jsonPath("$.details")
			.doesNotExist()
			.returnResult()
			.getResponseBodyContent());
		assertThat(body).doesNotContain("demo", "acme", this.emulator.endpoint(), this.emulator.apiToken());
	}

	@Test
	void listensOnLoopbackOnly() throws Exception {
		assertThat(this.environment.getProperty("server.address")).isEqualTo("127.0.0.1");
		try (Socket loopback = new Socket()) {
			loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 2000);
		}
		InetAddress external = nonLoopbackAddress();
		assumeTrue(external != null, "no non-loopback interface to try");
		assertThatExceptionOfType(ConnectException.class).as("connect to %s:%d", external, this.port).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(external, this.port), 2000);
			}
		});
	}

	private static InetAddress nonLoopbackAddress() throws SocketException {
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (nic.isUp() && !nic.isLoopback()) {
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					if (address instanceof Inet4Address) {
						return address;
					}
				}
			}
		}
		return null;
	}

	@Test
	void withoutAConfiguredServiceTheServiceEndpointsAnswer503AndTheRestWorks() {
		assertThat(this.context.getBeansOfType(BentoServiceClient.class)).isEmpty();
		assertThat(this.context.getBean(BentoServiceClients.class).names()).isEmpty();
		this.web.get()
			.uri("/services/demo/generate?prompt=hi")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("The service is not configured")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("bentocloud.services.demo.url",
					"--spring.profiles.active=emulator"));
		this.web.get().uri("/services/demo/summarize?text=hi").exchange().expectStatus().isEqualTo(503);
	}

	@Test
	void infoNamesTheEndpointButNotTheToken() {
		String body = new String(this.web.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.bentocloud.endpoint")
			.isEqualTo(this.emulator.endpoint())
			.jsonPath("$.bentocloud.embeddedEmulator")
			.isEqualTo(false)
			.jsonPath("$.bentocloud.credentialsSource")
			.isEqualTo("emulator")
			.returnResult()
			.getResponseBodyContent());
		assertThat(body).doesNotContain(this.emulator.apiToken());
	}

}
