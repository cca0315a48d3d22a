package dev.bentocloud.sample.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bentocloud.client.model.ApiToken;
import dev.bentocloud.client.model.ApiTokenScope;
import dev.bentocloud.client.model.Organization;
import dev.bentocloud.client.model.User;

/**
 * How {@code api-token} commands show tokens: BentoML's table columns, and its
 * {@code to_dict()} for json/yaml (fields at their default left out; the secret only when
 * the server sent one, that is after create).
 */
final class ApiTokenOutput {

	private ApiTokenOutput() {
	}

	static void printList(PrintWriter out, OutputFormat format, List<ApiToken> tokens) {
		if (format != OutputFormat.TABLE) {
			StructuredOutput.print(out, format, tokens.stream().map(ApiTokenOutput::toDict).toList());
			return;
		}
		TextTable table = new TextTable("Name", "UID", "Created_At", "Expired_At", "Last_Used_At", "Scopes");
		for (ApiToken token : tokens) {
			table.addRow(token.name(), token.uid(), CliDates.tableOrNever(token.createdAt()),
					CliDates.tableOrNever(token.expiredAt()), CliDates.tableOrNever(token.lastUsedAt()), scopes(token));
		}
		table.print(out);
	}

	static void printDetails(PrintWriter out, OutputFormat format, ApiToken token) {
		if (format != OutputFormat.TABLE) {
			StructuredOutput.print(out, format, toDict(token));
			return;
		}
		new TextTable("Field", "Value").addRow("Name", token.name())
			.addRow("UID", token.uid())
			.addRow("Description", orDash(token.description()))
			.addRow("Created At", CliDates.tableOrNever(token.createdAt()))
			.addRow("Expired At", CliDates.tableOrNever(token.expiredAt()))
			.addRow("Last Used At", CliDates.tableOrNever(token.lastUsedAt()))
			.addRow("Is Expired", token.expired() ? "True" : "False")
			.addRow("Scopes", scopes(token))
			.addRow("Created By", orDash(token.createdBy()))
			.print(out);
	}

	static Map<String, Object> toDict(ApiToken token) {
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("uid", token.uid());
		dict.put("created_at", CliDates.iso(token.createdAt()));
		dict.put("updated_at", CliDates.iso(token.updatedAt()));
		dict.put("name", token.name());
		dict.put("labels",
				token.labels().stream().map((label) -> Map.of("key", label.key(), "value", label.value())).toList());
		dict.put("description", (token.description() != null) ? token.description() : "");
		dict.put("scopes", token.scopes().stream().map(ApiTokenScope::value).toList());
		dict.put("user", user(token.user()));
		dict.put("organization", organization(token.organization()));
		putUnlessDefault(dict, "expired_at", CliDates.iso(token.expiredAt()), null);
		putUnlessDefault(dict, "last_used_at", CliDates.iso(token.lastUsedAt()), null);
		putUnlessDefault(dict, "is_expired", token.expired(), false);
		putUnlessDefault(dict, "is_api_token", token.apiToken(), true);
		putUnlessDefault(dict, "is_organization_token", token.organizationToken(), false);
		putUnlessDefault(dict, "is_global_access", token.globalAccess(), false);
		putUnlessDefault(dict, "token", token.token(), null);
		putUnlessDefault(dict, "created_by", token.createdBy(), null);
		return dict;
	}

	static Map<String, Object> user(User user) {
		if (user == null) {
			return null;
		}
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("name", user.name());
		dict.put("email", user.email());
		dict.put("first_name", user.firstName());
		dict.put("last_name", user.lastName());
		return dict;
	}

	static Map<String, Object> organization(Organization organization) {
		if (organization == null) {
			return null;
		}
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("uid", organization.uid());
		dict.put("created_at", CliDates.iso(organization.createdAt()));
		dict.put("updated_at", CliDates.iso(organization.updatedAt()));
		dict.put("name", organization.name());
		dict.put("description", (organization.description() != null) ? organization.description() : "");
		return dict;
	}

	private static String scopes(ApiToken token) {
		return token.scopes().isEmpty() ? "-"
				: String.join(", ", token.scopes().stream().map(ApiTokenScope::value).toList());
	}

	private static String orDash(String value) {
		return (value == null || value.isEmpty()) ? "-" : value;
	}

	private static void putUnlessDefault(Map<String, Object> dict, String key, Object value, Object defaultValue) {
		if (value != null && !value.equals(defaultValue)) {
			dict.put(key, value);
		}
	}

}
