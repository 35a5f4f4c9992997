// Stacks written by an earlier build name this module in each IdProtection's state (see ../shim.ts):
// it must keep answering with the runtime's provider of its kind.
import { provider } from "../../runtime";

export = provider("IdProtection");
