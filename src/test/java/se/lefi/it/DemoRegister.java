package se.lefi.it;

import se.lefi.dev.register.SyntheticRegister;

/** What the test server's demo data holds (config/demo/parties.csv, lefi.demo.seed = 1). */
final class DemoRegister {
    static final long SEED = 1;
    static final SyntheticRegister REGISTER = new SyntheticRegister(SEED);
    /** A person in the demo register (the server loads persons 0..lefi.demo.persons). */
    static final String PERSON = SyntheticRegister.personId(7);
    static final String MUNICIPALITY = "2120002411";
    static final String INSURER = "5569000010";

    private DemoRegister() {
    }
}
