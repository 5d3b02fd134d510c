import Hummingbird

/// A request turned away, with the page that says why (what the admin checks return instead of going on).
struct Refusal: Error {
    var response: Response
}
