package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A period that ends before it starts: INVALID_PERIOD. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvalidPeriodIT {

    @Test
    void reversedPeriod() throws Exception {
        assertRefused("INVALID_PERIOD", "insurer", "GetBenefitInformation-period-reversed.xml");
    }
}
