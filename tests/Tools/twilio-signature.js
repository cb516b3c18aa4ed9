// Cross-check for OuderBot's TwilioSignature: reads JSON cases [{token, url, params, signature}] on stdin and prints,
// for each, what the official twilio package computes and whether it accepts the given signature:
// [{"expected": "...", "valid": true}]. Run from the repository root (node_modules there holds twilio).
const twilio = require("twilio");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  const results = cases.map((c) => ({
    expected: twilio.getExpectedTwilioSignature(c.token, c.url, c.params),
    valid: twilio.validateRequest(c.token, c.signature, c.url, c.params),
  }));
  process.stdout.write(JSON.stringify(results));
});
