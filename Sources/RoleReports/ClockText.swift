#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dates as the reports show them, "2026-05-28 20:26" and "20:26:40", from the C
/// library's clock: FoundationEssentials has no DateFormatter, and its TimeZone knows
/// only fixed offsets without ICU, so the local zone comes from `localtime_r` (TZ,
/// /etc/localtime).
public enum ClockText {
    /// "yyyy-MM-dd HH:mm" in `zone`, or in the local time zone when it is nil.
    public static func minute(_ date: Date, zone: TimeZone? = nil) -> String {
        let t = parts(date, zone: zone)
        return "\(pad(Int(t.tm_year) + 1900, 4))-\(pad(Int(t.tm_mon) + 1))-\(pad(Int(t.tm_mday))) \(pad(Int(t.tm_hour))):\(pad(Int(t.tm_min)))"
    }

    /// "HH:mm:ss" in `zone`, or in the local time zone when it is nil.
    public static func second(_ date: Date, zone: TimeZone? = nil) -> String {
        let t = parts(date, zone: zone)
        return "\(pad(Int(t.tm_hour))):\(pad(Int(t.tm_min))):\(pad(Int(t.tm_sec)))"
    }

    static func parts(_ date: Date, zone: TimeZone?) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var result = tm()
        if let zone {
            seconds += time_t(zone.secondsFromGMT(for: date))
            gmtime_r(&seconds, &result)
        } else {
            localtime_r(&seconds, &result)
        }
        return result
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
