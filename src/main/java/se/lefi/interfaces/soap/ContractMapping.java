package se.lefi.interfaces.soap;

import java.time.Instant;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import se.lefi.application.AvailablePurpose;
import se.lefi.contract.core.v1.ExtraConditionCode;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.LefiFaultType;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getavailableinformationtypes.v1.AvailablePurposeType;
import se.lefi.contract.lefionline.v1.LefiFault;
import se.lefi.domain.access.Refusal;
import se.lefi.infrastructure.config.LefiConfiguration;

/** Domain values to contract types. Enum names are shared, so mapping is by name. */
final class ContractMapping {
    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();

    private ContractMapping() {
    }

    static XMLGregorianCalendar dateTime(Instant instant) {
        return DATATYPES.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(LefiConfiguration.SWEDEN)));
    }

    static AvailablePurposeType availablePurpose(AvailablePurpose available) {
        AvailablePurposeType type = new AvailablePurposeType();
        type.setPurpose(PurposeCode.valueOf(available.legalBasis().purpose().name()));
        type.setLegalBasis(available.legalBasis().citation());
        type.setCondition(ExtraConditionCode.valueOf(available.legalBasis().condition().name()));
        available.informationTypes().forEach(t -> type.getInformationType().add(InformationTypeCode.valueOf(t.name())));
        return type;
    }

    static LefiFault fault(Refusal refusal, String requestId) {
        LefiFaultType info = new LefiFaultType();
        info.setCode(FaultCode.valueOf(refusal.code().name()));
        info.setMessage(refusal.message());
        info.setRequestId(requestId);
        return new LefiFault(refusal.code().name() + ": " + refusal.message(), info);
    }
}
