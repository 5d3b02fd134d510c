/// 差异系数: the student-weighted coefficient of variation of a per-student indicator across schools
/// (DOMAIN.md §1).
///
/// School i has a raw total x_i (teachers, m², 元, rooms) and P_i students; P = Σ P_i. Then
///
///     X_i = x_i / P_i
///     X̄   = Σ x_i / P                          (pooled: county total over county students)
///     S   = sqrt( Σ (P_i / P) · (X_i − X̄)² )   (population form, weights P_i / P)
///     CV  = S / X̄
///
/// This is not the unweighted CV of the school values. A per-hundred indicator (× 100) has the same CV;
/// scale ``mean`` yourself to report it.
public struct StudentWeightedCV: Sendable, Hashable {
    /// X̄ = Σ x_i / P, the pooled county value per student.
    public var mean: Double
    /// S, the student-weighted population standard deviation of the school values X_i.
    public var standardDeviation: Double
    /// CV = S / X̄; `nil` when X̄ is 0 (every school has a zero total), where the ratio is undefined.
    public var coefficientOfVariation: Double?
    /// P = Σ P_i.
    public var totalStudents: Double
    /// Σ x_i.
    public var total: Double
    /// The number of schools (i).
    public var count: Int

    /// Computes X̄, S and CV from raw totals and student counts, school by school.
    ///
    /// - Parameters:
    ///   - totals: x_i, the raw total of each school (non-negative).
    ///   - students: P_i, the students of each school, in the same order; every P_i must be positive
    ///     (leave schools without students out before calling; a zero here is a programming error).
    /// - Returns: `nil` when there are no schools.
    /// - Complexity: O(n).
    public init?(totals: [Double], students: [Double]) {
        precondition(totals.count == students.count, "one total per school")
        guard !totals.isEmpty else { return nil }
        precondition(students.allSatisfy { $0 > 0 && $0.isFinite }, "every school needs students (P_i > 0)")
        precondition(totals.allSatisfy { $0.isFinite }, "totals must be finite")
        let studentSum = students.reduce(0, +)
        let totalSum = totals.reduce(0, +)
        let mean = totalSum / studentSum
        var weightedSquares = 0.0
        for (x, p) in zip(totals, students) {
            let deviation = x / p - mean
            weightedSquares += (p / studentSum) * deviation * deviation
        }
        let s = weightedSquares.squareRoot()
        self.mean = mean
        self.standardDeviation = s
        self.coefficientOfVariation = mean == 0 ? nil : s / mean
        self.totalStudents = studentSum
        self.total = totalSum
        self.count = totals.count
    }
}
