package dev.bentocloud.emulator.server;

/**
 * The management API under {@code /api}: authenticates the caller by
 * {@code X-YATAI-API-TOKEN} only, then hands the request to the routes of its resource.
 */
final class ManagementRoutes {

	static final String TOKEN_HEADER = "X-YATAI-API-TOKEN";

	private static final Reply UNAUTHORIZED = Reply.message(401, "Bad credentials");

	private final EmulatorState state;

	private final TokenRoutes tokens;

	private final SecretRoutes secrets;

	private final DeploymentRoutes deployments;

	private final OrganizationRoutes organization;

	ManagementRoutes(EmulatorState state) {
		this.state = state;
		ManagementRequests requests = new ManagementRequests(state.views);
		this.tokens = new TokenRoutes(state, requests);
		this.secrets = new SecretRoutes(state, requests);
		this.deployments = new DeploymentRoutes(state, requests);
		this.organization = new OrganizationRoutes(state, requests);
	}

	Reply handle(ApiRequest request) {
		StoredApiToken caller = this.state.tokens.authenticate(request.header(TOKEN_HEADER));
		if (caller == null) {
			return UNAUTHORIZED;
		}
		try {
			return route(request, caller.user);
		}
		catch (ApiException ex) {
			return ex.reply();
		}
	}

	private Reply route(ApiRequest request, StoredUser user) {
		String path = request.path();
		if (isUnder(path, TokenRoutes.PATH)) {
			return this.tokens.handle(request, user);
		}
		if (isUnder(path, SecretRoutes.PATH)) {
			return this.secrets.handle(request, user);
		}
		if (isUnder(path, DeploymentRoutes.PATH)) {
			return this.deployments.handle(request, user);
		}
		return this.organization.handle(request, user);
	}

	/** The resource itself or anything below it. */
	private static boolean isUnder(String path, String resource) {
		return path.equals(resource) || path.startsWith(resource + "/");
	}

}
