package dev.bentocloud.emulator.server;

/**
 * The read-only resources of the organization: the current user, the organization,
 * instance types and clusters.
 */
final class OrganizationRoutes {

	static final String CLUSTERS = "/api/v1/clusters";

	private final EmulatorState state;

	private final ManagementRequests requests;

	OrganizationRoutes(EmulatorState state, ManagementRequests requests) {
		this.state = state;
		this.requests = requests;
	}

	Reply handle(ApiRequest request, StoredUser user) {
		String path = request.path();
		switch (path) {
			case "/api/v1/auth/current" -> {
				ManagementRequests.requireMethod(request, "GET");
				return Reply.json(200, this.state.userJson(user));
			}
			case "/api/v1/current_org" -> {
				ManagementRequests.requireMethod(request, "GET");
				return this.requests.ok(this.state.views.organization());
			}
			case "/api/v1/instance_types" -> {
				ManagementRequests.requireMethod(request, "GET");
				return this.requests.ok(this.state.views.instanceTypes());
			}
			case CLUSTERS -> {
				ManagementRequests.requireMethod(request, "GET");
				return this.requests.page(request, this.state.clusters.all(), this.state.views::cluster);
			}
			default -> {
				if (!path.startsWith(CLUSTERS + "/")) {
					throw ManagementRequests.noSuchEndpoint(request);
				}
				String name = ManagementRequests.lastSegment(path, CLUSTERS + "/");
				ManagementRequests.requireMethod(request, "GET");
				if (!this.state.clusters.exists(name)) {
					throw new ApiException(404, "Cluster " + name + " not found");
				}
				return this.requests.ok(this.state.views.cluster(name));
			}
		}
	}

}
