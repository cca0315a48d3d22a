package dev.bentocloud.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a BentoCloud list response ({@code {start, count, total, items}}).
 *
 * @param <T> the item type
 * @param start offset of the first item
 * @param count the page size the server used
 * @param total the number of items across all pages
 * @param items the items of this page
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(int start, int count, @JsonProperty(required = true) int total,
		@JsonProperty(required = true) List<T> items) {

	public Page {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	/** Whether items after this page exist. */
	public boolean hasMore() {
		return !this.items.isEmpty() && this.start + this.items.size() < this.total;
	}

	/** The offset of the next page. */
	public int nextStart() {
		return this.start + this.items.size();
	}

}
