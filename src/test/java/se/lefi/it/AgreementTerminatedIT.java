package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An agreement terminated from yesterday: AGREEMENT_TERMINATED. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgreementTerminatedIT {

    @Test
    void terminated() throws Exception {
        assertRefused("AGREEMENT_TERMINATED", "terminated", "GetBenefitInformation-coordination.xml");
    }
}
