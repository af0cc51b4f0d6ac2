package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An agent (ombud) must name the principal it acts for: PRINCIPAL_MISSING. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrincipalMissingIT {

    @Test
    void agentWithoutPrincipal() throws Exception {
        assertRefused("PRINCIPAL_MISSING", "agent", "GetBenefitInformation-social-services.xml");
    }
}
