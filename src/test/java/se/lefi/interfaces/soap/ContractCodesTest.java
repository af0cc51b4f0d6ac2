package se.lefi.interfaces.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.register.InformationType;

/** The domain's codes and the contract's enumerations map by name, so they must be the same lists. */
class ContractCodesTest {

    @Test
    void everyRefusalHasAFaultCodeAndBack() {
        assertEquals(names(FaultCode.values()), names(RefusalCode.values()));
    }

    @Test
    void purposesMatch() {
        assertEquals(names(PurposeCode.values()), names(Purpose.values()));
    }

    @Test
    void informationTypesMatch() {
        assertEquals(names(InformationTypeCode.values()), names(InformationType.values()));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }
}
