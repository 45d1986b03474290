// Decimal half-up rounding (四舍五入) of the value as shown (15 significant digits), unlike toFixed,
// which rounds the binary value: 1.005 → 1.01 here, 1.00 with toFixed.

export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  return Number(`${roundedDigits(value, decimals)}e-${decimals}`) || 0;
}

/** The rounded value as text with exactly `decimals` decimals ("5.0", "-3.2", "2509"). */
export function formatFixed(value: number, decimals: number): string {
  const digits = roundedDigits(value, decimals);
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(decimals + 1, '0');
  const whole = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return negative ? `-${whole}` : whole;
}

/** round(value × 10^decimals) as a BigInt, half away from zero, on the 15-digit decimal form. */
function roundedDigits(value: number, decimals: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  if (value === 0) return 0n;
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split('e') as [string, string];
  const digits = BigInt(mantissa.replace('.', ''));
  const shift = Number(exponent) - 14 + decimals;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    scaled = digits / divisor + ((digits % divisor) * 2n >= divisor ? 1n : 0n);
  }
  return value < 0 ? -scaled : scaled;
}

/** a − b on values already rounded to `decimals`, free of binary noise (2.0 − (−3.2) = 5.2 exactly). */
export function subtractRounded(a: number, b: number, decimals: number): number {
  return roundHalfUp(roundHalfUp(a, decimals) - roundHalfUp(b, decimals), decimals);
}
