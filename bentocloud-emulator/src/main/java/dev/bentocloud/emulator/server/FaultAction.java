package dev.bentocloud.emulator.server;

/** What an injected fault does. Not API. */
public enum FaultAction {

	/** Only the delay (and list overrides), then the normal answer. */
	PASS,

	/** A status and body of the fault's own. */
	RESPOND,

	/** The normal answer's head and half its body, then an orderly close. */
	TRUNCATE,

	/** The normal answer's head and half its body, then a TCP reset. */
	RESET_MID_BODY,

	/** A TCP reset without any response. */
	RESET,

	/** A redirect. */
	REDIRECT,

	/** The normal answer, one byte at a time. */
	DRIP

}
