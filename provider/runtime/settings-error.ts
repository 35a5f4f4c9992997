// The error for settings that are missing or wrong: its own module so the profile reader and the
// settings resolver share it without importing each other.
export class ConfigurationError extends Error {
  readonly code = "configuration";
  override name = "ConfigurationError";
}
