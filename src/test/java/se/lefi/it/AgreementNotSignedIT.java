package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An agreement sent but not signed by both parties: AGREEMENT_NOT_SIGNED. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgreementNotSignedIT {

    @Test
    void unsigned() throws Exception {
        assertRefused("AGREEMENT_NOT_SIGNED", "unsigned", "GetBenefitInformation-coordination.xml");
    }
}
