package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A question that asks for no information type: NO_INFORMATION_TYPE. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoInformationTypeIT {

    @Test
    void noType() throws Exception {
        assertRefused("NO_INFORMATION_TYPE", "insurer", "GetBenefitInformation-no-type.xml");
    }
}
