package dev.prodlint.analysis.lifecycle;

import dev.prodlint.apimodel.Lifecycles.End;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import java.util.Map;

/**
 * Code that runs once per connection, request, message or stream: the function, what it is for
 * messages, where it is opened, and the functions elsewhere that end it (a gateway's
 * handleDisconnect, a Spring handler's afterConnectionClosed, a stream's cancel, an Observable's
 * teardown).
 *
 * @param endHint where an undo belongs, for messages: {@code ws.on('close', ...)}, {@code afterConnectionClosed}
 */
public record Scope(FunctionDecl function, Kind kind, String what, Node opener, Map<FunctionDecl, End> endFunctions,
                    String endHint) {

    public enum Kind {
        /** A socket's whole life: ws, socket.io, net, a WebSocket session, a Netty channel. */
        CONNECTION,
        /** One HTTP request: a route handler, middleware, filter, interceptor. */
        REQUEST,
        /** One message on a connection (socket.io's handlers, @OnMessage, @SubscribeMessage). */
        MESSAGE,
        /** One subscription to a stream: new Observable(...), new ReadableStream({ start }). */
        STREAM
    }

    public Scope {
        endFunctions = Map.copyOf(endFunctions);
    }

    public boolean contains(Node n) {
        return n.isWithin(function);
    }

    /** "connection", "request", "message", "subscription": what each run of the scope serves. */
    public String unit() {
        return switch (kind) {
            case CONNECTION -> "connection";
            case REQUEST -> "request";
            case MESSAGE -> "message";
            case STREAM -> "subscription";
        };
    }
}
