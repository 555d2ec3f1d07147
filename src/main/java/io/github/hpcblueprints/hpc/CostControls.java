package io.github.hpcblueprints.hpc;

import java.util.List;
import java.util.Objects;

/**
 * Budgets and the guard rails on spend. The environment's budget notifies at 80% and 100% of actual spend and at
 * 100% of forecast by default; each project with a budget gets its own, filtered by its {@code project} tag.
 *
 * @param budget monthly amount in the billing currency (0 for none, which the rules flag)
 * @param subscriptionScope put the environment budget at subscription scope (in {@code subscription.json})
 * @param contactEmails who hears about budgets (goes to the parameters file, not the template)
 * @param autoShutdown the default daily shutdown for fixed VMs (research instances)
 * @param idleStop the default idle stop of research instances
 */
public record CostControls(long budget, List<Integer> actualThresholds, List<Integer> forecastThresholds,
        boolean subscriptionScope, List<String> contactEmails, AutoShutdown autoShutdown, IdleStop idleStop) {

    public CostControls {
        actualThresholds = List.copyOf(actualThresholds);
        forecastThresholds = List.copyOf(forecastThresholds);
        contactEmails = List.copyOf(contactEmails);
        Objects.requireNonNull(autoShutdown);
        Objects.requireNonNull(idleStop);
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative");
        }
        for (String e : contactEmails) {
            if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new IllegalArgumentException("'" + e + "' is not an email address");
            }
        }
    }

    /** Research instances stop themselves after the default idle time. */
    public CostControls(long budget, List<Integer> actualThresholds, List<Integer> forecastThresholds,
            boolean subscriptionScope, List<String> contactEmails, AutoShutdown autoShutdown) {
        this(budget, actualThresholds, forecastThresholds, subscriptionScope, contactEmails, autoShutdown,
                IdleStop.defaults());
    }

    public static CostControls defaults() {
        return new CostControls(0, List.of(80, 100), List.of(100), false, List.of(), AutoShutdown.at(Defaults.SHUTDOWN_TIME, Defaults.SHUTDOWN_TIME_ZONE));
    }
    /** A monthly budget in the billing currency. */
    public CostControls withMonthlyBudget(long amount) {
        return new CostControls(amount, actualThresholds, forecastThresholds, subscriptionScope, contactEmails,
                autoShutdown, idleStop);
    }

    public CostControls withContactEmails(String... emails) {
        return new CostControls(budget, actualThresholds, forecastThresholds, subscriptionScope, List.of(emails),
                autoShutdown, idleStop);
    }

    /** Percentages of actual and forecast spend that notify the contacts. */
    public CostControls withThresholds(List<Integer> actual, List<Integer> forecast) {
        return new CostControls(budget, actual, forecast, subscriptionScope, contactEmails, autoShutdown, idleStop);
    }

    /** The daily shutdown of research instances that do not set their own. */
    public CostControls withAutoShutdown(AutoShutdown shutdown) {
        return new CostControls(budget, actualThresholds, forecastThresholds, subscriptionScope, contactEmails,
                shutdown, idleStop);
    }

    /** The idle stop of research instances that do not set their own. */
    public CostControls withIdleStop(IdleStop stop) {
        return new CostControls(budget, actualThresholds, forecastThresholds, subscriptionScope, contactEmails,
                autoShutdown, stop);
    }

}
