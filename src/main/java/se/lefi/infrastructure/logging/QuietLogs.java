package se.lefi.infrastructure.logging;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps personal data and noise out of the server log. CXF logs every fault it unwinds at WARNING with
 * its message and stack: for a request against the schema, the parser's message quotes the submitted value
 * (a personnummer, say), some 60 lines a request. lefi writes its own one line for what it refuses or fails (code and request
 * id, never a value), so these loggers only report what is SEVERE.
 */
@WebListener
public class QuietLogs implements ServletContextListener {
    // Held: java.util.logging keeps loggers weakly, and a collected one would forget its level.
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("org.apache.cxf.phase.PhaseInterceptorChain"),
            Logger.getLogger("org.apache.cxf.services"));

    @Override
    public void contextInitialized(ServletContextEvent event) {
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
    }
}
