package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A registered organisation without an agreement, and one not registered at all: NOT_CONNECTED. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotConnectedIT {

    @Test
    void noAgreement() throws Exception {
        assertRefused("NOT_CONNECTED", "admin", "GetBenefitInformation-coordination.xml");
    }

    @Test
    void notRegistered() throws Exception {
        assertRefused("NOT_CONNECTED", "unknown", "GetBenefitInformation-coordination.xml");
    }
}
