// The Domain provider as a module of its own: see ../shim.ts. Its path is part of every stack's state.
import { makeShim } from "../shim";

export = makeShim("Domain");
