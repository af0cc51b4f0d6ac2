package se.lefi.it;

import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every integration test class shares: the built WAR on one Payara Micro,
 * started once for the suite.
 */
@ArquillianSuiteDeployment
public class SuiteDeployment {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return LefiServer.war();
    }
}
