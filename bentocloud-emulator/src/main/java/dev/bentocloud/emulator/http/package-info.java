/**
 * A small blocking HTTP/1.1 server on plain JDK sockets, one thread per connection, that
 * lets its handler write a response normally, piece by piece, or below HTTP (a cut-off
 * body, a TCP reset). The emulator's own transport: not an API for applications.
 */
@NullMarked
package dev.bentocloud.emulator.http;

import org.jspecify.annotations.NullMarked;
