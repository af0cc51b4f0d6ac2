package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An agent may act only while its assignment from the principal lasts: NO_LIVE_ASSIGNMENT. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoLiveAssignmentIT {

    @Test
    void assignmentCeased() throws Exception {
        assertRefused("NO_LIVE_ASSIGNMENT", "former-agent", "GetBenefitInformation-social-services-for-principal.xml");
    }

    @Test
    void noAssignmentWithThatPrincipal() throws Exception {
        assertRefused("NO_LIVE_ASSIGNMENT", "agent", "GetBenefitInformation-social-services-for-principal.xml",
                Map.of("principal", DemoRegister.INSURER));
    }
}
