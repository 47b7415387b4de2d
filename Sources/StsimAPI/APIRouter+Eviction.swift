import Foundation
import StsimEngine
import StsimSession

/// `POST pods/NAME/eviction` (policy/v1 Eviction), what `kubectl drain` calls: the engine's
/// eviction subresource, with its 429 while a PodDisruptionBudget allows no disruption.
extension APIRouter {
    static let evicted = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":201}"#

    func evict(_ request: APIRequest, _ path: ResourcePath, _ name: String) -> APIResponse {
        let body = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
        let options = body?["deleteOptions"] as? [String: Any]
        let grace = options?["gracePeriodSeconds"] as? Int
        switch cluster.evict(pod: name, namespace: path.namespace, gracePeriodSeconds: grace) {
        case .success:
            session.settleAfterWrite()
            return .json(Self.evicted, status: 201)
        case .failure(let error): return .failure(error)
        }
    }
}
