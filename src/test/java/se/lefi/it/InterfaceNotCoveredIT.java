package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An agreement for the web interface only, used system-to-system: INTERFACE_NOT_COVERED. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InterfaceNotCoveredIT {

    @Test
    void webOnly() throws Exception {
        assertRefused("INTERFACE_NOT_COVERED", "web-only", "GetBenefitInformation-coordination.xml");
    }
}
