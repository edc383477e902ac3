import BuiltinCatalog
import Foundation
import XCTest
@testable import RoleModel

/// The content that ships inside the binary.
final class BuiltinContentTests: XCTestCase {
    func testBuiltinCatalogIsValidAndMatchesAssets() throws {
        let builtin: Catalog
        do { builtin = try BuiltinCatalog.load() } catch {
            return XCTFail("built-in content is invalid:\n\(error)")
        }
        XCTAssertEqual(builtin.roles.map(\.id).sorted(), ["ai-engineer", "data-engineer", "data-scientist", "ml-engineer"])
        // The embedded copy is the assets directory as it is now (the plugin re-runs on change).
        XCTAssertEqual(try CatalogLoader.load(directory: Fixtures.assets), builtin)
    }

    func testEveryRoleHasAtLeastFiveDimensionsAndEveryValueASource() throws {
        let catalog = try CatalogLoader.load(directory: Fixtures.assets)
        for role in catalog.roles {
            XCTAssertGreaterThanOrEqual(role.values.count, 5, role.id)
            for (dimension, values) in role.values {
                for value in values { XCTAssertFalse(value.sources.isEmpty, "\(role.id)/\(dimension)") }
            }
        }
    }

    func testBothQuestionnairesReachEveryRole() throws {
        let catalog = try CatalogLoader.load(directory: Fixtures.assets)
        XCTAssertEqual(catalog.questionnaires.count, 2)
        for questionnaire in catalog.questionnaires {
            let reachable = questionnaire.reachableOutcomes(from: .question(questionnaire.start))
            let roles = Set(reachable.compactMap { questionnaire.outcome($0) }.flatMap(\.recommend))
            XCTAssertEqual(roles, Set(catalog.roles.map(\.id)), questionnaire.id)
        }
    }
}
