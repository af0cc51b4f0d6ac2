package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An insurer stating an authority's purpose: NO_LEGAL_BASIS. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoLegalBasisIT {

    @Test
    void insurerStatesCaseWork() throws Exception {
        assertRefused("NO_LEGAL_BASIS", "insurer", "GetBenefitInformation-case-work.xml");
    }
}
