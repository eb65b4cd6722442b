package io.newsflow.sink;

import java.time.Instant;

/**
 * Whether the sink is storing articles, or waiting out an outage of the broker, the registry or the database.
 *
 * @param healthy whether the last batch was written and committed (true before the first batch)
 * @param problem what the outage is, e.g. the database's connection error; null when healthy
 * @param since   when the sink became unhealthy; null when healthy
 */
public record SinkHealth(boolean healthy, String problem, Instant since) {

    static SinkHealth ok() {
        return new SinkHealth(true, null, null);
    }

    static SinkHealth unhealthy(String problem, Instant since) {
        return new SinkHealth(false, problem, since);
    }
}
