namespace Cchc.Core.Calendar;

/// <summary>
/// The two astronomical quantities a Chinese-type lunisolar calendar needs: the instants of new moons
/// and of the sun reaching a given apparent longitude (solar terms). Written from J. Meeus,
/// "Astronomical Algorithms" (2nd ed.): chapter 49 (true phases of the moon), chapter 25 (low-accuracy
/// solar coordinates, about 0.01°, i.e. a quarter of an hour), chapter 27 (solving for a longitude) and
/// the Espenak–Meeus polynomials for ΔT. Times are Julian Days; JDE is dynamical time, JD is UT.
/// </summary>
internal static class Astronomy
{
    private const double DegToRad = Math.PI / 180.0;

    /// <summary>Julian Day of 0001-01-01 00:00 UT minus 0.5: JDN = DayNumber + this.</summary>
    internal const int DayNumberToJulianDayNumber = 1721426;

    /// <summary>Mean synodic month in days (Meeus 49.1).</summary>
    internal const double SynodicMonth = 29.530588861;

    /// <summary>Instant (JDE) of the true new moon of lunation <paramref name="k"/>; k = 0 is 2000-01-06.</summary>
    internal static double NewMoonJde(int k)
    {
        double t = k / 1236.85;
        double t2 = t * t, t3 = t2 * t, t4 = t3 * t;

        double jde = 2451550.09766 + SynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = Rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = Rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = Rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = Rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        double c =
            -0.40720 * Math.Sin(mp)
            + 0.17241 * e * Math.Sin(m)
            + 0.01608 * Math.Sin(2 * mp)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(mp - m)
            - 0.00514 * e * Math.Sin(mp + m)
            + 0.00208 * e * e * Math.Sin(2 * m)
            - 0.00111 * Math.Sin(mp - 2 * f)
            - 0.00057 * Math.Sin(mp + 2 * f)
            + 0.00056 * e * Math.Sin(2 * mp + m)
            - 0.00042 * Math.Sin(3 * mp)
            + 0.00042 * e * Math.Sin(m + 2 * f)
            + 0.00038 * e * Math.Sin(m - 2 * f)
            - 0.00024 * e * Math.Sin(2 * mp - m)
            - 0.00017 * Math.Sin(om)
            - 0.00007 * Math.Sin(mp + 2 * m)
            + 0.00004 * Math.Sin(2 * mp - 2 * f)
            + 0.00004 * Math.Sin(3 * m)
            + 0.00003 * Math.Sin(mp + m - 2 * f)
            + 0.00003 * Math.Sin(2 * mp + 2 * f)
            - 0.00003 * Math.Sin(mp + m + 2 * f)
            + 0.00003 * Math.Sin(mp - m + 2 * f)
            - 0.00002 * Math.Sin(mp - m - 2 * f)
            - 0.00002 * Math.Sin(3 * mp + m)
            + 0.00002 * Math.Sin(4 * mp);

        // Meeus 49: the fourteen planetary arguments A1..A14.
        double w =
            0.000325 * Math.Sin(Rad(299.77 + 0.107408 * k - 0.009173 * t2))
            + 0.000165 * Math.Sin(Rad(251.88 + 0.016321 * k))
            + 0.000164 * Math.Sin(Rad(251.83 + 26.651886 * k))
            + 0.000126 * Math.Sin(Rad(349.42 + 36.412478 * k))
            + 0.000110 * Math.Sin(Rad(84.66 + 18.206239 * k))
            + 0.000062 * Math.Sin(Rad(141.74 + 53.303771 * k))
            + 0.000060 * Math.Sin(Rad(207.14 + 2.453732 * k))
            + 0.000056 * Math.Sin(Rad(154.84 + 7.306860 * k))
            + 0.000047 * Math.Sin(Rad(34.52 + 27.261239 * k))
            + 0.000042 * Math.Sin(Rad(207.19 + 0.121824 * k))
            + 0.000040 * Math.Sin(Rad(291.34 + 1.844379 * k))
            + 0.000037 * Math.Sin(Rad(161.72 + 24.198154 * k))
            + 0.000035 * Math.Sin(Rad(239.56 + 25.513099 * k))
            + 0.000023 * Math.Sin(Rad(331.55 + 3.592518 * k));

        return jde + c + w;
    }

    /// <summary>Apparent geocentric longitude of the sun in degrees [0, 360) at <paramref name="jde"/>.</summary>
    internal static double ApparentSolarLongitude(double jde)
    {
        double t = (jde - 2451545.0) / 36525.0;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = Rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(m)
                   + (0.019993 - 0.000101 * t) * Math.Sin(2 * m)
                   + 0.000289 * Math.Sin(3 * m);
        double omega = Rad(125.04 - 1934.136 * t);
        double lambda = l0 + c - 0.00569 - 0.00478 * Math.Sin(omega);
        return Normalize(lambda);
    }

    /// <summary>JDE at which the sun's apparent longitude is <paramref name="longitude"/>, near <paramref name="guess"/>.</summary>
    internal static double SolarLongitudeInstant(double longitude, double guess)
    {
        double jde = guess;
        for (int i = 0; i < 50; i++)
        {
            double diff = Normalize(longitude - ApparentSolarLongitude(jde) + 180.0) - 180.0;
            // Meeus 27: correction = 58 sin(target − λ) days; the sun moves about 1° a day.
            double correction = 58.0 * Math.Sin(diff * DegToRad);
            jde += correction;
            if (Math.Abs(correction) < 1e-7)
            {
                break;
            }
        }

        return jde;
    }

    /// <summary>ΔT = TT − UT in seconds (Espenak and Meeus, NASA eclipse site polynomials).</summary>
    internal static double DeltaTSeconds(double year)
    {
        double t;
        if (year < 1900)
        {
            t = year - 1860;
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * Math.Pow(t, 3)
                   - 0.0004473624 * Math.Pow(t, 4) + Math.Pow(t, 5) / 233174;
        }

        if (year < 1920)
        {
            t = year - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * Math.Pow(t, 3) - 0.000197 * Math.Pow(t, 4);
        }

        if (year < 1941)
        {
            t = year - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * Math.Pow(t, 3);
        }

        if (year < 1961)
        {
            t = year - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + Math.Pow(t, 3) / 2547;
        }

        if (year < 1986)
        {
            t = year - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - Math.Pow(t, 3) / 718;
        }

        if (year < 2005)
        {
            t = year - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * Math.Pow(t, 3)
                   + 0.000651814 * Math.Pow(t, 4) + 0.00002373599 * Math.Pow(t, 5);
        }

        if (year < 2050)
        {
            t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }

        double u = (year - 1820) / 100;
        if (year < 2150)
        {
            return -20 + 32 * u * u - 0.5628 * (2150 - year);
        }

        return -20 + 32 * u * u;
    }

    /// <summary>Converts a dynamical-time instant to UT.</summary>
    internal static double JdeToJdUt(double jde)
    {
        double year = 2000.0 + (jde - 2451545.0) / 365.25;
        return jde - DeltaTSeconds(year) / 86400.0;
    }

    /// <summary>The <see cref="DateOnly.DayNumber"/> of the civil date at a UT instant in a fixed zone.</summary>
    internal static int LocalDayNumber(double jdUt, double utcOffsetHours) =>
        (int)Math.Floor(jdUt + 0.5 + utcOffsetHours / 24.0) - DayNumberToJulianDayNumber;

    private static double Rad(double degrees) => Normalize(degrees) * DegToRad;

    private static double Normalize(double degrees)
    {
        double r = degrees % 360.0;
        return r < 0 ? r + 360.0 : r;
    }
}
