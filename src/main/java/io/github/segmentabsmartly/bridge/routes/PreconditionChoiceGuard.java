package io.github.segmentabsmartly.bridge.routes;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.WhenDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.spi.Resource;

/**
 * Refuses a route with a {@code choice} that has {@code precondition: true} and a {@code when} that reads the event.
 * Camel decides such a choice once, when the route starts, on an exchange with no event in it, and keeps only the
 * branch that matched: a test of the event's type there would send every event down the same branch, answered as
 * if all were well. Refused, the route is not added: the bridge does not start, or a route edit is not loaded and the
 * route-reload check says why.
 */
public class PreconditionChoiceGuard extends ModelLifecycleStrategySupport {

    /** The functions of the simple language that read the exchange: its body, headers, properties or variables. */
    private static final Set<String> EXCHANGE_FUNCTIONS = Set.of("body", "bodyAs", "mandatoryBodyAs", "bodyOneLine",
            "bodyType", "header", "headers", "headerAs", "in", "out", "exchange", "exchangeId", "exchangeProperty",
            "id", "messageAs", "messageTimestamp", "variable", "variables", "variableAs", "jsonpath", "xpath",
            "exception", "exceptionMessage", "exceptionStacktrace");
    /** Languages whose expressions read the message or the exchange by their nature. */
    private static final Set<String> EXCHANGE_LANGUAGES =
            Set.of("header", "exchangeProperty", "variable", "jsonpath", "jq", "xpath", "xquery", "tokenize");
    private static final Pattern SIMPLE_FUNCTION = Pattern.compile("\\$\\{([A-Za-z]+)");

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        for (ChoiceDefinition choice
                : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ChoiceDefinition.class)) {
            if (!"true".equalsIgnoreCase(choice.getPrecondition())) {
                continue;
            }
            for (WhenDefinition when : choice.getWhenClauses()) {
                String reads = whatItReadsOfTheExchange(when.getExpression());
                if (reads != null) {
                    ExpressionDefinition test = when.getExpression();
                    throw new RouteRefusedException(routeName(route) + ": a choice with precondition: true is"
                            + " decided once, when the route starts, with no event to read, but its when ("
                            + test.getLanguage() + ": " + test.getExpression() + ") reads the event with " + reads
                            + ". Take precondition: true off that choice, or test only settings ({{...}}) and beans"
                            + " there.");
                }
            }
        }
    }

    /** How an expression reads the exchange (a simple function, a language), or null when it does not. */
    private static String whatItReadsOfTheExchange(ExpressionDefinition expression) {
        String language = expression.getLanguage() == null ? "" : expression.getLanguage();
        if (EXCHANGE_LANGUAGES.contains(language)) {
            return "the " + language + " language";
        }
        if (language.equals("simple") && expression.getExpression() != null) {
            Matcher function = SIMPLE_FUNCTION.matcher(expression.getExpression());
            while (function.find()) {
                if (EXCHANGE_FUNCTIONS.contains(function.group(1))) {
                    return "${" + function.group(1) + "...}";
                }
            }
        }
        return null;
    }

    private static String routeName(RouteDefinition route) {
        String id = route.getId() == null ? "a route" : "route " + route.getId();
        Resource resource = route.getResource();
        if (resource == null || resource.getLocation() == null) {
            return id;
        }
        String location = resource.getLocation();
        return id + " (" + location.substring(location.lastIndexOf('/') + 1) + ")";
    }
}
