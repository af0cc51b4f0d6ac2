package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Only an agent may act for a principal: PRINCIPAL_NOT_ALLOWED. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrincipalNotAllowedIT {

    @Test
    void municipalityNamesAPrincipal() throws Exception {
        assertRefused("PRINCIPAL_NOT_ALLOWED", "municipality", "GetBenefitInformation-social-services-for-principal.xml");
    }
}
