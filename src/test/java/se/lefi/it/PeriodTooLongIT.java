package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Over two years, and the insurer's agreement has no exception: PERIOD_TOO_LONG (the municipality's has one: GrantedAuthorityIT). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PeriodTooLongIT {

    @Test
    void threeYears() throws Exception {
        assertRefused("PERIOD_TOO_LONG", "insurer", "GetBenefitInformation-coordination.xml",
                Map.of("from", "2023-06-01", "tom", "2026-06-01"));
    }
}
