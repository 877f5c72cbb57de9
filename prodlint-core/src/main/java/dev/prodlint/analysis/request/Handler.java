package dev.prodlint.analysis.request;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.Param;
import java.util.List;
import java.util.Map;

/**
 * A function that handles an HTTP request, with what its route tells about it.
 *
 * @param function        the handler
 * @param route           how findings name it ("POST /api/users/:id"), never null
 * @param requestNames    the parameters that are the request (or Koa's ctx); their members are sources
 * @param responseName    the response parameter ({@code res.locals.user} is the principal), or null
 * @param boundParams     parameters the framework binds from the request or to the principal
 *                        ({@code @Body() dto}, {@code @RequestParam Long userId}, {@code Principal p})
 * @param authenticatedBy the middleware, guard or annotation that authenticates the caller, or null
 * @param roleGuard       the middleware, guard or annotation that limits the route to a role, or null
 * @param bodyValidated   a route middleware, pipe or schema validates the body before the handler runs
 * @param authText        for a handler another file registers: how its auth middleware is written there
 */
public record Handler(FunctionDecl function, String route, List<String> requestNames, String responseName,
                      Map<Param, Taint> boundParams, Node authenticatedBy, Node roleGuard, boolean bodyValidated, String authText) {
}
