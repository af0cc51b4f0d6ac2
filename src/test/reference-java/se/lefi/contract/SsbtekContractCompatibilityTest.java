package se.lefi.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Marshaller;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.wsdl.Binding;
import javax.wsdl.BindingFault;
import javax.wsdl.BindingOperation;
import javax.wsdl.Definition;
import javax.wsdl.Fault;
import javax.wsdl.Message;
import javax.wsdl.Operation;
import javax.wsdl.Part;
import javax.wsdl.Port;
import javax.wsdl.PortType;
import javax.wsdl.Service;
import javax.wsdl.extensions.ExtensibilityElement;
import javax.wsdl.extensions.soap.SOAPAddress;
import javax.wsdl.extensions.soap.SOAPBinding;
import javax.wsdl.extensions.soap.SOAPBody;
import javax.wsdl.extensions.soap.SOAPFault;
import javax.wsdl.extensions.soap.SOAPOperation;
import javax.wsdl.factory.WSDLFactory;
import javax.wsdl.xml.WSDLReader;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import se.lefi.contract.ssbtek.v10.AkassornasSamorganisationSvar;
import se.lefi.contract.ssbtek.v10.ArbetsformedlingenSvar;
import se.lefi.contract.ssbtek.v10.CsnSvar;
import se.lefi.contract.ssbtek.v10.FkSvarsData;
import se.lefi.contract.ssbtek.v10.ForsakringskassanSvar;
import se.lefi.contract.ssbtek.v10.KallaEnum;
import se.lefi.contract.ssbtek.v10.MigrationsverketSvar;
import se.lefi.contract.ssbtek.v10.ObjectFactory;
import se.lefi.contract.ssbtek.v10.SammansattBastjanstSvar;
import se.lefi.contract.ssbtek.v10.SammansattBastjanstSvarData;
import se.lefi.contract.ssbtek.v10.SammansattBastjanstTestSvar;
import se.lefi.contract.ssbtek.v10.SkatteverketSvar;
import se.lefi.contract.ssbtek.v10.TestSvar;
import se.lefi.contract.ssbtek.v10.TransportstyrelsenSvar;

/**
 * lefi's own SSBTEK v10 contract (wsdl/SammansattBastjanst, xsd/interactions/SammansattBastjanstInteraction)
 * is wire-compatible with Försäkringskassan's published one in ../shared/reference/ssbtek-v10:
 * the agency's real requests validate against lefi's schema, lefi's answers (built with the classes
 * generated from lefi's contract) validate against the agency's schema and are read by a client generated
 * from it, and both WSDLs and schemas declare the same names, structure and bindings.
 *
 * <p>The intended differences, checked as such:
 * <ol>
 *   <li>bounds: lefi's strings carry a maxLength (lefiJsonFraga too, in octets); no other facet differs;</li>
 *   <li>the other agencies' answers (AF, CSN, SKV, SO, TNS, MIV) are reduced to their {@code error} branch,
 *       and CSN's data type (CsnSvarsData) is left out: lefi never answers with their data.</li>
 * </ol>
 */
class SsbtekContractCompatibilityTest {
    private static final String SSBT = "http://schema.forsakringskassan.se/integration/ssbt/10";
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    // Where the build found the agency's files (-Dlefi.reference.dir; pom.xml passes it on).
    private static final Path REFERENCE = PROJECT.resolve(System.getProperty("lefi.reference.dir", "../shared/reference")).normalize();
    private static final Path REFERENCE_CONTRACT =
            REFERENCE.resolve("ssbtek-v10/contract/se/forsakringskassan/schema/integration/ssbt/_10");
    private static final Path REFERENCE_WSDL = REFERENCE_CONTRACT.resolve("Sammansatt_Bastjanst_v10.wsdl");
    private static final Path REFERENCE_XSD = REFERENCE_CONTRACT.resolve("sammansatt_bastjanst_v10.xsd");
    private static final Path REQUESTS = REFERENCE.resolve("ssbtek-v10/requests");
    private static final Path AUTHORED_WSDL = PROJECT.resolve("wsdl/SammansattBastjanst/SammansattBastjanst_10.wsdl");
    private static final Path AUTHORED_XSD =
            PROJECT.resolve("xsd/interactions/SammansattBastjanstInteraction/SammansattBastjanst_10.xsd");

    /** Answer types reduced to their error branch (intended difference 2). */
    private static final Set<String> REDUCED_ANSWER_TYPES = Set.of("ArbetsformedlingenSvar", "CsnSvar",
            "SkatteverketSvar", "AkassornasSamorganisationSvar", "TransportstyrelsenSvar", "MigrationsverketSvar");
    /** Reference types lefi leaves out (intended difference 2): CSN's data. */
    private static final Set<String> LEFT_OUT_TYPES = Set.of("CsnSvarsData");

    private static Schema authoredSchema;
    private static Schema referenceSchema;

    @BeforeAll
    static void schemas() throws SAXException {
        assertTrue(Files.isRegularFile(REFERENCE_XSD), "the reference contract is not at " + REFERENCE);
        SchemaFactory factory = SchemaFactory.newInstance(XSD);
        authoredSchema = factory.newSchema(AUTHORED_XSD.toFile());
        referenceSchema = factory.newSchema(REFERENCE_XSD.toFile());
    }

    // ---------------------------------------------------------------- requests

    static Stream<Path> referenceRequests() throws IOException {
        try (Stream<Path> files = Files.list(REQUESTS)) {
            List<Path> requests = files.filter(f -> f.getFileName().toString().endsWith(".request.xml")).sorted().toList();
            assertEquals(8, requests.size(), "the reference has eight request envelopes");
            return requests.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("referenceRequests")
    void everyReferenceRequestValidatesAgainstTheAuthoredSchema(Path envelope) throws Exception {
        Element question = soapBodyChild(realRequest(envelope));
        assertEquals(new QName(SSBT, "hamtaBastjanstInformation"), qname(question));
        authoredSchema.newValidator().validate(new DOMSource(question));
        referenceSchema.newValidator().validate(new DOMSource(question)); // the fixture itself is sound
    }

    /** The bounds are real: what the reference accepts beyond them, lefi's schema refuses. */
    @Test
    void theBoundsRefuseWhatTheReferenceWouldAccept() throws Exception {
        String request = realRequest(REQUESTS.resolve("test03_getFinancialAid_fk.request.xml"));
        String tooLongCase = request.replace("<ns2:arendeidentitet>SOC-2025-000123<", "<ns2:arendeidentitet>" + "A".repeat(65) + "<");
        String tooLongQuestion = request.replaceFirst("<ns2:lefiJsonFraga>[^<]*<",
                "<ns2:lefiJsonFraga>" + Base64.getEncoder().encodeToString(new byte[65537]) + "<");
        String longestQuestion = request.replaceFirst("<ns2:lefiJsonFraga>[^<]*<",
                "<ns2:lefiJsonFraga>" + Base64.getEncoder().encodeToString(new byte[65536]) + "<");
        String tooLongPurpose = request.replaceFirst("<ns2:syfte>[^<]*<", "<ns2:syfte>" + "s".repeat(1001) + "<");
        String tooLongActor = request.replace("<ns2:aktorsid>026-51<", "<ns2:aktorsid>" + "1".repeat(65) + "<");
        String tooLongVersion = request.replace("<ns2:version>v9<", "<ns2:version>v123456789<");
        for (String refused : List.of(tooLongCase, tooLongQuestion, tooLongPurpose, tooLongActor, tooLongVersion)) {
            assertTrue(!refused.equals(request), "the test changed nothing");
            Element question = soapBodyChild(refused);
            referenceSchema.newValidator().validate(new DOMSource(question));
            assertThrows(SAXException.class, () -> authoredSchema.newValidator().validate(new DOMSource(question)));
        }
        authoredSchema.newValidator().validate(new DOMSource(soapBodyChild(longestQuestion)));
    }

    // ---------------------------------------------------------------- answers

    @Test
    void lefisAnswerValidatesAgainstTheReferenceSchemaAndAReferenceClientReadsIt() throws Exception {
        byte[] json = "{\"utlamnare\":[{\"kod\":\"FK\",\"tillstand\":{\"kod\":\"OK\"}}]}".getBytes(StandardCharsets.UTF_8);
        SammansattBastjanstSvar answer = new SammansattBastjanstSvar();
        answer.setFrageTidpunkt(DatatypeFactory.newInstance().newXMLGregorianCalendar("2025-06-30T10:15:30+02:00"));
        answer.setKorrelationsid("6f1c1f5e-3b7a-4c1e-9d1a-0c9e8f7a6b5c");
        SammansattBastjanstSvarData data = new SammansattBastjanstSvarData();
        FkSvarsData fkData = new FkSvarsData();
        fkData.setLefiJsonSvar(json);
        ForsakringskassanSvar fk = new ForsakringskassanSvar();
        fk.setData(fkData);
        data.setFK(fk);
        ArbetsformedlingenSvar af = new ArbetsformedlingenSvar();
        af.setError(notProvided());
        data.setAF(af);
        CsnSvar csn = new CsnSvar();
        csn.setError(notProvided());
        data.setCSN(csn);
        SkatteverketSvar skv = new SkatteverketSvar();
        skv.setError(notProvided());
        data.setSKV(skv);
        AkassornasSamorganisationSvar so = new AkassornasSamorganisationSvar();
        so.setError(notProvided());
        data.setSO(so);
        TransportstyrelsenSvar tns = new TransportstyrelsenSvar();
        tns.setError(notProvided());
        data.setTNS(tns);
        MigrationsverketSvar miv = new MigrationsverketSvar();
        miv.setError(notProvided());
        data.setMIV(miv);
        answer.setSvarsdata(data);

        Document xml = marshal(new ObjectFactory().createHamtaBastjanstInformationResponse(answer));
        referenceSchema.newValidator().validate(new DOMSource(xml));
        authoredSchema.newValidator().validate(new DOMSource(xml));

        se.lefi.reference.ssbtek.v10.SammansattBastjanstSvar read = unmarshalWithReferenceClient(xml,
                se.lefi.reference.ssbtek.v10.SammansattBastjanstSvar.class);
        assertEquals("6f1c1f5e-3b7a-4c1e-9d1a-0c9e8f7a6b5c", read.getKorrelationsid());
        assertArrayEquals(json, read.getSvarsdata().getFK().getData().getLefiJsonSvar());
        for (se.lefi.reference.ssbtek.v10.Error error : List.of(read.getSvarsdata().getAF().getError(),
                read.getSvarsdata().getCSN().getError(), read.getSvarsdata().getSKV().getError(),
                read.getSvarsdata().getSO().getError(), read.getSvarsdata().getTNS().getError(),
                read.getSvarsdata().getMIV().getError())) {
            assertEquals(se.lefi.reference.ssbtek.v10.KallaEnum.SSBT, error.getKalla());
            assertEquals("NOT_PROVIDED", error.getFelkod());
        }
    }

    @Test
    void anFkErrorAnswerValidatesAgainstTheReferenceSchema() throws Exception {
        ForsakringskassanSvar fk = new ForsakringskassanSvar();
        fk.setError(error(KallaEnum.BT, "CONSENT_MISSING", "The question needs the person's consent."));
        SammansattBastjanstSvarData data = new SammansattBastjanstSvarData();
        data.setFK(fk);
        SammansattBastjanstSvar answer = new SammansattBastjanstSvar();
        answer.setSvarsdata(data);
        Document xml = marshal(new ObjectFactory().createHamtaBastjanstInformationResponse(answer));
        referenceSchema.newValidator().validate(new DOMSource(xml));
        assertEquals("CONSENT_MISSING", unmarshalWithReferenceClient(xml,
                se.lefi.reference.ssbtek.v10.SammansattBastjanstSvar.class).getSvarsdata().getFK().getError().getFelkod());
    }

    @Test
    void lefisTestAnswerValidatesAgainstTheReferenceSchema() throws Exception {
        SammansattBastjanstTestSvar answer = new SammansattBastjanstTestSvar();
        TestSvar fk = new TestSvar();
        fk.setAnropad(true);
        answer.setFK(fk);
        answer.setAF(notCalled());
        answer.setCSN(notCalled());
        answer.setSKV(notCalled());
        answer.setSO(notCalled());
        answer.setTNS(notCalled());
        answer.setMIV(notCalled());
        Document xml = marshal(new ObjectFactory().createTestaBastjanstInformationResponse(answer));
        referenceSchema.newValidator().validate(new DOMSource(xml));
        authoredSchema.newValidator().validate(new DOMSource(xml));
        se.lefi.reference.ssbtek.v10.SammansattBastjanstTestSvar read = unmarshalWithReferenceClient(xml,
                se.lefi.reference.ssbtek.v10.SammansattBastjanstTestSvar.class);
        assertTrue(read.getFK().isAnropad());
        assertEquals("NOT_PROVIDED", read.getMIV().getError().getFelkod());
    }

    @Test
    void aFaultElementOfLefiValidatesAgainstTheReferenceSchema() throws Exception {
        se.lefi.contract.ssbtek.v10.BastjanstInformationFault fault = new se.lefi.contract.ssbtek.v10.BastjanstInformationFault();
        fault.setFelkod("SERVICE_UNAVAILABLE");
        fault.getFelmeddelande().add("The service is unavailable.");
        Document xml = marshal(new ObjectFactory().createHamtaBastjanstInformationFault(fault));
        referenceSchema.newValidator().validate(new DOMSource(xml));
        authoredSchema.newValidator().validate(new DOMSource(xml));
    }

    // ---------------------------------------------------------------- WSDL

    @Test
    void bothWsdlsDeclareTheSameServiceOperationsMessagesAndBinding() throws Exception {
        Set<String> authored = describe(readWsdl(AUTHORED_WSDL));
        Set<String> reference = describe(readWsdl(REFERENCE_WSDL));
        assertEquals(String.join("\n", reference), String.join("\n", authored));
        assertTrue(authored.contains("operation hamtaBastjanstInformation fault fault message hamtaBastjanstInformationFault part faultMessage element {"
                + SSBT + "}hamtaBastjanstInformationFault"), String.join("\n", authored));
    }

    /** Every name, message part, element, fault, style, use and soapAction, one line each (the address left out). */
    private static Set<String> describe(Definition wsdl) {
        Set<String> lines = new TreeSet<>();
        lines.add("targetNamespace " + wsdl.getTargetNamespace());
        for (Object p : wsdl.getPortTypes().values()) {
            PortType portType = (PortType) p;
            lines.add("portType " + portType.getQName());
            for (Object o : portType.getOperations()) {
                Operation operation = (Operation) o;
                String op = "operation " + operation.getName();
                lines.add(op);
                lines.add(op + " input " + operation.getInput().getName() + message(operation.getInput().getMessage()));
                lines.add(op + " output " + operation.getOutput().getName() + message(operation.getOutput().getMessage()));
                for (Object f : operation.getFaults().values()) {
                    Fault fault = (Fault) f;
                    lines.add(op + " fault " + fault.getName() + message(fault.getMessage()));
                }
            }
        }
        for (Object b : wsdl.getBindings().values()) {
            Binding binding = (Binding) b;
            String bind = "binding " + binding.getQName();
            lines.add(bind + " type " + binding.getPortType().getQName());
            for (Object e : binding.getExtensibilityElements()) {
                if (e instanceof SOAPBinding soap) {
                    lines.add(bind + " soap:binding style " + soap.getStyle() + " transport " + soap.getTransportURI());
                } else {
                    lines.add(bind + " extension " + ((ExtensibilityElement) e).getElementType());
                }
            }
            for (Object o : binding.getBindingOperations()) {
                BindingOperation operation = (BindingOperation) o;
                String op = bind + " operation " + operation.getName();
                for (Object e : operation.getExtensibilityElements()) {
                    if (e instanceof SOAPOperation soap) {
                        lines.add(op + " soapAction '" + soap.getSoapActionURI() + "' style " + soap.getStyle());
                    }
                }
                lines.add(op + " input " + operation.getBindingInput().getName() + body(operation.getBindingInput().getExtensibilityElements()));
                lines.add(op + " output " + operation.getBindingOutput().getName() + body(operation.getBindingOutput().getExtensibilityElements()));
                for (Object f : operation.getBindingFaults().values()) {
                    BindingFault fault = (BindingFault) f;
                    for (Object e : fault.getExtensibilityElements()) {
                        if (e instanceof SOAPFault soap) {
                            lines.add(op + " fault " + fault.getName() + " soap:fault name " + soap.getName() + " use " + soap.getUse());
                        }
                    }
                }
            }
        }
        for (Object s : wsdl.getServices().values()) {
            Service service = (Service) s;
            lines.add("service " + service.getQName());
            for (Object p : service.getPorts().values()) {
                Port port = (Port) p;
                boolean soapAddress = port.getExtensibilityElements().stream().anyMatch(SOAPAddress.class::isInstance);
                lines.add("service " + service.getQName() + " port " + port.getName() + " binding " + port.getBinding().getQName()
                        + " soap:address " + soapAddress);
            }
        }
        return lines;
    }

    private static String message(Message message) {
        StringBuilder text = new StringBuilder(" message " + message.getQName().getLocalPart());
        for (Object p : message.getOrderedParts(null)) {
            Part part = (Part) p;
            text.append(" part ").append(part.getName()).append(" element ").append(part.getElementName())
                    .append(part.getTypeName() == null ? "" : " type " + part.getTypeName());
        }
        return text.toString();
    }

    private static String body(List<?> extensions) {
        StringBuilder text = new StringBuilder();
        for (Object e : extensions) {
            if (e instanceof SOAPBody soap) {
                text.append(" soap:body use ").append(soap.getUse()).append(" parts ").append(soap.getParts())
                        .append(" namespace ").append(soap.getNamespaceURI());
            }
        }
        return text.toString();
    }

    private static Definition readWsdl(Path file) throws Exception {
        WSDLReader reader = WSDLFactory.newInstance().newWSDLReader();
        reader.setFeature("javax.wsdl.verbose", false);
        return reader.readWSDL(file.toUri().toString());
    }

    // ---------------------------------------------------------------- schema

    @Test
    void bothSchemasDeclareTheSameGlobalElements() throws Exception {
        assertEquals(globalElements(parse(REFERENCE_XSD)), globalElements(parse(AUTHORED_XSD)));
    }

    /**
     * Every complex type lefi keeps has the reference's content model: the same particles (sequence, choice),
     * element names, order, min/maxOccurs, defaults, types and attributes. Simple types are compared by
     * what they allow apart from maxLength (intended difference 1): the same built-in base, patterns,
     * enumerations and minLength. The reduced answer types keep the reference's error branch only.
     */
    @Test
    void everyKeptComplexTypeHasTheReferencesContentModel() throws Exception {
        SchemaModel authored = new SchemaModel(parse(AUTHORED_XSD));
        SchemaModel reference = new SchemaModel(parse(REFERENCE_XSD));
        Set<String> expected = new TreeSet<>(reference.complexTypes.keySet());
        expected.removeAll(LEFT_OUT_TYPES);
        assertEquals(expected, authored.complexTypes.keySet(), "complex types (CsnSvarsData left out on purpose)");
        List<String> differences = new ArrayList<>();
        for (String type : authored.complexTypes.keySet()) {
            List<String> ours = authored.contentModel(type);
            List<String> theirs = reference.contentModel(type);
            boolean same = REDUCED_ANSWER_TYPES.contains(type)
                    ? ours.equals(List.of("sequence 1..1 {", "element error ssbt:Error 1..1", "}"))
                            && theirs.contains("choice 1..1 {") && theirs.contains("element error ssbt:Error 1..1")
                    : ours.equals(theirs);
            if (!same) {
                differences.add(type + "\n  lefi:      " + ours + "\n  reference: " + theirs);
            }
        }
        assertEquals("", String.join("\n", differences));
    }

    /** Intended difference 1, both ways: every string lefi's schema declares is bounded. */
    @Test
    void everyStringInTheAuthoredSchemaIsBounded() throws Exception {
        SchemaModel authored = new SchemaModel(parse(AUTHORED_XSD));
        List<String> unbounded = new ArrayList<>();
        for (Element declaration : descendants(authored.schema, "element", "attribute")) {
            String type = declaration.getAttribute("type");
            String name = declaration.getAttribute("name");
            QName qname = authored.qname(declaration, type);
            if (XSD.equals(qname.getNamespaceURI()) && Set.of("string", "token", "normalizedString", "base64Binary").contains(qname.getLocalPart())
                    && !name.equals("lefiJsonSvar")) { // lefi's own answer, documented as unbounded
                unbounded.add(name + " is " + type);
            }
        }
        for (Element simpleType : descendants(authored.schema, "simpleType")) {
            String name = simpleType.getAttribute("name");
            if (!authored.facets(name, true).stream().anyMatch(f -> f.startsWith("maxLength"))) {
                unbounded.add("simple type " + name);
            }
        }
        assertEquals(List.of(), unbounded);
    }

    private static Map<String, String> globalElements(Document schema) {
        Map<String, String> elements = new TreeMap<>();
        for (Element element : children(schema.getDocumentElement(), "element")) {
            elements.put(element.getAttribute("name"), String.valueOf(qnameOf(element, element.getAttribute("type"))));
        }
        return elements;
    }

    /** A schema document, read enough to compare content models and simple types by name. */
    private static final class SchemaModel {
        final Element schema;
        final Map<String, Element> complexTypes = new TreeMap<>();
        final Map<String, Element> simpleTypes = new TreeMap<>();

        SchemaModel(Document document) {
            schema = document.getDocumentElement();
            for (Element type : children(schema, "complexType")) {
                complexTypes.put(type.getAttribute("name"), type);
            }
            for (Element type : children(schema, "simpleType")) {
                simpleTypes.put(type.getAttribute("name"), type);
            }
        }

        QName qname(Element context, String prefixed) {
            return qnameOf(context, prefixed);
        }

        List<String> contentModel(String typeName) {
            List<String> lines = new ArrayList<>();
            walk(complexTypes.get(typeName), lines);
            return lines;
        }

        private void walk(Element node, List<String> lines) {
            for (Element child : children(node, null)) {
                switch (child.getLocalName()) {
                    case "annotation" -> { }
                    case "sequence", "choice", "all" -> {
                        lines.add(child.getLocalName() + " " + occurs(child) + " {");
                        walk(child, lines);
                        lines.add("}");
                    }
                    case "element" -> lines.add("element " + child.getAttribute("name") + " " + type(child) + " " + occurs(child)
                            + (child.hasAttribute("default") ? " default " + child.getAttribute("default") : "")
                            + (child.hasAttribute("fixed") ? " fixed " + child.getAttribute("fixed") : ""));
                    case "attribute" -> lines.add("attribute " + child.getAttribute("name") + " " + type(child) + " use "
                            + (child.hasAttribute("use") ? child.getAttribute("use") : "optional"));
                    default -> lines.add("unexpected " + child.getLocalName());
                }
            }
        }

        /** A complex type by its name; a simple type by what it allows apart from maxLength. */
        private String type(Element declaration) {
            QName type = qname(declaration, declaration.getAttribute("type"));
            if (SSBT.equals(type.getNamespaceURI()) && complexTypes.containsKey(type.getLocalPart())) {
                return "ssbt:" + type.getLocalPart();
            }
            if (!SSBT.equals(type.getNamespaceURI()) && !XSD.equals(type.getNamespaceURI())) {
                return type.toString(); // another agency's type: kept only in the reference
            }
            return builtIn(type) + facetsOf(type);
        }

        private String builtIn(QName type) {
            if (XSD.equals(type.getNamespaceURI())) {
                return "xsd:" + type.getLocalPart();
            }
            Element restriction = children(simpleTypes.get(type.getLocalPart()), "restriction").get(0);
            return builtIn(qname(restriction, restriction.getAttribute("base")));
        }

        private Set<String> facetsOf(QName type) {
            return XSD.equals(type.getNamespaceURI()) ? Set.of() : facets(type.getLocalPart(), false);
        }

        /** The facets of a simple type and its bases (maxLength only if asked for). */
        Set<String> facets(String simpleType, boolean withMaxLength) {
            Set<String> facets = new TreeSet<>();
            Element restriction = children(simpleTypes.get(simpleType), "restriction").get(0);
            for (Element facet : children(restriction, null)) {
                if (!facet.getLocalName().equals("annotation") && (withMaxLength || !facet.getLocalName().equals("maxLength"))) {
                    facets.add(facet.getLocalName() + "=" + facet.getAttribute("value"));
                }
            }
            QName base = qname(restriction, restriction.getAttribute("base"));
            if (SSBT.equals(base.getNamespaceURI())) {
                facets.addAll(facets(base.getLocalPart(), withMaxLength));
            }
            return facets;
        }
    }

    private static String occurs(Element particle) {
        String min = particle.hasAttribute("minOccurs") ? particle.getAttribute("minOccurs") : "1";
        String max = particle.hasAttribute("maxOccurs") ? particle.getAttribute("maxOccurs") : "1";
        return min + ".." + max;
    }

    private static QName qnameOf(Element context, String prefixed) {
        int colon = prefixed.indexOf(':');
        String prefix = colon < 0 ? null : prefixed.substring(0, colon);
        String namespace = context.lookupNamespaceURI(prefix);
        return new QName(namespace == null ? "" : namespace, prefixed.substring(colon + 1));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && XSD.equals(element.getNamespaceURI())
                    && (localName == null || localName.equals(element.getLocalName()))) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element root, String... localNames) {
        List<Element> found = new ArrayList<>();
        for (String name : localNames) {
            var list = root.getElementsByTagNameNS(XSD, name);
            for (int i = 0; i < list.getLength(); i++) {
                Element element = (Element) list.item(i);
                if (element.hasAttribute("type")) {
                    found.add(element);
                } else if (name.equals("simpleType") && element.hasAttribute("name")) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- helpers

    /** A reference envelope with its placeholders filled: first the correlation id, then the case id. */
    private static String realRequest(Path envelope) throws IOException {
        String text = Files.readString(envelope, StandardCharsets.UTF_8);
        text = text.replaceFirst("<ns2:korrelationsid>\\$\\{xmlunit.ignore}<", "<ns2:korrelationsid>6f1c1f5e-3b7a-4c1e-9d1a-0c9e8f7a6b5c<");
        text = text.replaceFirst("<ns2:arendeidentitet>\\$\\{xmlunit.ignore}<", "<ns2:arendeidentitet>SOC-2025-000123<");
        assertTrue(!text.contains("${xmlunit.ignore}"), envelope + " has a placeholder left");
        return text;
    }

    private static Element soapBodyChild(String envelope) throws Exception {
        Document document = newBuilder().parse(new org.xml.sax.InputSource(new StringReader(envelope)));
        Element body = (Element) document.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        assertNotNull(body, "no SOAP Body");
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("an empty SOAP Body");
    }

    private static Document parse(Path file) throws Exception {
        return newBuilder().parse(file.toFile());
    }

    private static javax.xml.parsers.DocumentBuilder newBuilder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder();
    }

    private static QName qname(Element element) {
        return new QName(element.getNamespaceURI(), element.getLocalName());
    }

    private static Document marshal(JAXBElement<?> element) throws Exception {
        Marshaller marshaller = JAXBContext.newInstance(ObjectFactory.class).createMarshaller();
        Document document = newBuilder().newDocument();
        marshaller.marshal(element, document);
        return document;
    }

    private static <T> T unmarshalWithReferenceClient(Document xml, Class<T> type) throws Exception {
        StringWriter text = new StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer()
                .transform(new DOMSource(xml), new javax.xml.transform.stream.StreamResult(text));
        return JAXBContext.newInstance(se.lefi.reference.ssbtek.v10.ObjectFactory.class).createUnmarshaller()
                .unmarshal(new StreamSource(new StringReader(text.toString())), type).getValue();
    }

    private static se.lefi.contract.ssbtek.v10.Error error(KallaEnum source, String code, String message) {
        se.lefi.contract.ssbtek.v10.Error error = new se.lefi.contract.ssbtek.v10.Error();
        error.setKalla(source);
        error.setFelkod(code);
        error.getFelmeddelande().add(message);
        return error;
    }

    /** Another agency's part, as lefi answers it: an error from SSBT, "not provided by this service". */
    private static se.lefi.contract.ssbtek.v10.Error notProvided() {
        return error(KallaEnum.SSBT, "NOT_PROVIDED", "Not provided by this service.");
    }

    private static TestSvar notCalled() {
        TestSvar answer = new TestSvar();
        answer.setAnropad(false);
        answer.setError(notProvided());
        return answer;
    }
}
