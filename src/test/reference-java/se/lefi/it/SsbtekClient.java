package se.lefi.it;

import jakarta.xml.ws.BindingProvider;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.lefi.reference.ssbtek.v10.Arbetsformedlingen;
import se.lefi.reference.ssbtek.v10.AkassornasSamorganisation;
import se.lefi.reference.ssbtek.v10.BastjanstInformationInterface;
import se.lefi.reference.ssbtek.v10.BastjanstInformationInterfaceService;
import se.lefi.reference.ssbtek.v10.Csn;
import se.lefi.reference.ssbtek.v10.Forsakringskassan;
import se.lefi.reference.ssbtek.v10.ForsakringskassanFraga;
import se.lefi.reference.ssbtek.v10.GenerellaFrageparametrar;
import se.lefi.reference.ssbtek.v10.Ingivare;
import se.lefi.reference.ssbtek.v10.Migrationsverket;
import se.lefi.reference.ssbtek.v10.Personuppgiftsbitrade;
import se.lefi.reference.ssbtek.v10.SammansattBastjanstFraga;
import se.lefi.reference.ssbtek.v10.Skatteverket;
import se.lefi.reference.ssbtek.v10.SpecifikaFrageparametrar;
import se.lefi.reference.ssbtek.v10.Tidsperiod;
import se.lefi.reference.ssbtek.v10.Transportstyrelsen;

/**
 * SSBTEK v10 as a municipal system calls it: a JAX-WS client generated at build time from the agency's
 * reference WSDL (../shared/reference/ssbtek-v10), unchanged, pointed at lefi's URL with a demo party's
 * keystore; and raw envelopes, for the reference requests replayed byte for byte.
 */
final class SsbtekClient {
    static final String PATH = "/ws/ssbt/v10";
    static final String NAMESPACE = "http://schema.forsakringskassan.se/integration/ssbt/10";
    static final Path REFERENCE_WSDL = V9Client.REFERENCE
            .resolve("ssbtek-v10/contract/se/forsakringskassan/schema/integration/ssbt/_10/Sammansatt_Bastjanst_v10.wsdl");
    static final Path REFERENCE_REQUESTS = V9Client.REFERENCE.resolve("ssbtek-v10/requests");
    static final String SYFTE = "Beslut om eller kontroll av Ekonomisk försörjningsstöd";
    static final String LAGTEXT = "11 kap. 11 a § socialtjänstlagen (2001:453), 5 § förordning (2008:975) om uppgiftsskyldighet i vissa fall enligt socialtjänstlagen.";
    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();

    private SsbtekClient() {
    }

    static BastjanstInformationInterface port(String alias) throws Exception {
        BastjanstInformationInterface port = new BastjanstInformationInterfaceService(REFERENCE_WSDL.toUri().toURL())
                .getBastjanstInformationInterfacePort();
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, LefiServer.uri(PATH).toString());
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(LefiServer.sslContext(alias));
        ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setTlsClientParameters(tls);
        return port;
    }

    /**
     * A question as the municipal client builds it: the submitter, the person and period of the case, the
     * FK part with a v9 question for {@code actorId}, and every other agency asked for too.
     */
    static SammansattBastjanstFraga fraga(String submitter, String personidentitet, LocalDate from, LocalDate tom, String caseId,
                                          String actorId, byte[] lefiJsonFraga, String... processors) {
        GenerellaFrageparametrar general = new GenerellaFrageparametrar();
        general.setKorrelationsid("korr-" + System.nanoTime());
        general.setFraganSkallInkluderasISvaret(false);
        Ingivare ingivare = new Ingivare();
        ingivare.setOrganisationsnummer("16" + submitter);
        ingivare.setNamn("Demo kommun");
        ingivare.setHandlaggare("Handläggare Ekonomiskt bistånd");
        general.setIngivare(ingivare);
        general.setPersonidentitet(personidentitet);
        general.setArendeidentitet(caseId);
        Tidsperiod period = new Tidsperiod();
        period.setFromDatum(DATATYPES.newXMLGregorianCalendar(from.toString()));
        period.setTomDatum(DATATYPES.newXMLGregorianCalendar(tom.toString()));
        general.setTidsperiod(period);
        for (String processor : processors) {
            Personuppgiftsbitrade bitrade = new Personuppgiftsbitrade();
            bitrade.setOrganisationsnummer("16" + processor);
            bitrade.setNamn("Demo Ombud AB");
            general.getPersonuppgiftsbitrade().add(bitrade);
        }
        general.setSyfte(SYFTE);
        general.setLagtext(LAGTEXT);

        SpecifikaFrageparametrar specific = new SpecifikaFrageparametrar();
        Arbetsformedlingen af = new Arbetsformedlingen();
        af.setInkludera(true);
        specific.setAF(af);
        Csn csn = new Csn();
        csn.setInkludera(true);
        specific.setCSN(csn);
        Forsakringskassan fk = new Forsakringskassan();
        fk.setInkludera(true);
        ForsakringskassanFraga fraga = new ForsakringskassanFraga();
        fraga.setVersion("v9");
        fraga.setAktorsid(actorId);
        fraga.setLefiJsonFraga(lefiJsonFraga);
        fk.setFraga(fraga);
        specific.setFK(fk);
        Skatteverket skv = new Skatteverket();
        skv.setInkludera(true);
        specific.setSKV(skv);
        AkassornasSamorganisation so = new AkassornasSamorganisation();
        so.setInkludera(false);
        specific.setSO(so);
        Transportstyrelsen tns = new Transportstyrelsen();
        tns.setInkludera(false);
        specific.setTNS(tns);
        Migrationsverket miv = new Migrationsverket();
        miv.setInkludera(true);
        specific.setMIV(miv);

        SammansattBastjanstFraga question = new SammansattBastjanstFraga();
        question.setGenerellaFrageparametrar(general);
        question.setSpecifikaFrageparametrar(specific);
        return question;
    }

    /** A v9 question as JSON bytes, the way lefiJsonFraga carries it (the client base64-encodes them). */
    static byte[] v9(String personnummer, LocalDate from, LocalDate tom, String... formansinformation) {
        String codes = String.join("\", \"", formansinformation);
        return """
                {"personnummer": "%s", "period": {"from": "%s", "tom": "%s"}, "formansinformation": ["%s"], "ovrigInformation": ["FK:GEPI"],
                 "ansprak": ["PM:AP"]}""".formatted(personnummer, from, tom, codes).getBytes(StandardCharsets.UTF_8);
    }

    /** A raw SOAP 1.1 envelope to the endpoint, as the municipality's own certificate. */
    static HttpResponse<String> post(String alias, String envelope) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri(PATH))
                        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The first element of that SSBTEK name under {@code parent}, or null. */
    static Element child(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(NAMESPACE, localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    static String text(Element parent, String localName) {
        Element element = child(parent, localName);
        return element == null ? null : element.getTextContent();
    }

    /** The request id lefi names in an error's felmeddelande ("requestId ..."). */
    static String requestId(List<String> felmeddelande) {
        return felmeddelande.stream().filter(m -> m.startsWith("requestId ")).map(m -> m.substring("requestId ".length()))
                .findFirst().orElseThrow(() -> new AssertionError("no request id in " + felmeddelande));
    }
}
