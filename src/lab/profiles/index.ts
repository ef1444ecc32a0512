// the built-in profiles, by the name `jmxplan lab --profile NAME` takes
import type { ProfileInput } from "../profile.js";
import { genesysScreenRecording } from "./genesys-screen-recording.js";
import { githubSecondary } from "./github-secondary.js";
import { unlimited } from "./unlimited.js";

export const builtinProfiles: Record<string, ProfileInput> = {
  "genesys-screen-recording": genesysScreenRecording,
  "github-secondary": githubSecondary,
  unlimited,
};
