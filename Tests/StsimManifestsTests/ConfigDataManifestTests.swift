import StsimEngine
import XCTest

@testable import StsimManifests

/// ConfigMaps and Secrets read from manifests and written back as the API prints them.
final class ConfigDataManifestTests: XCTestCase {
    func testSecretStringDataIsMergedIntoDataAndWinsOnASharedKey() throws {
        let r = Fixtures.load(
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            data:
              user: YWRtaW4=
              password: b2xk
            stringData:
              password: s3cret
            """, file: "secret.yaml")
        XCTAssertEqual(Fixtures.lines(r), [])
        guard case .secret(let s) = r.objects.first?.object else { return XCTFail() }
        XCTAssertEqual(s.data["user"], Array("admin".utf8))
        XCTAssertEqual(s.data["password"], Array("s3cret".utf8))
        let yaml = ManifestWriter.yaml(.secret(s))
        XCTAssertTrue(yaml.contains("  password: czNjcmV0\n"), yaml)
        XCTAssertFalse(yaml.contains("stringData"), "stringData is write-only")
    }

    func testBadBase64IsLocatedWithGoWords() {
        let r = Fixtures.load(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\ndata:\n  key: not-base64!\n", file: "s.yaml")
        XCTAssertEqual(
            Fixtures.lines(r).first,
            "s.yaml:6:8: error: illegal base64 data at input byte 3 (data values are base64 (echo -n VALUE | base64); for plain text use stringData)"
        )
    }

    func testConfigMapRoundTripsDataBinaryDataAndImmutable() throws {
        let r = Fixtures.load(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nimmutable: true\ndata:\n  a: x\nbinaryData:\n  b: AAEC\n",
            file: "cm.yaml")
        XCTAssertEqual(Fixtures.lines(r), [])
        guard case .configMap(let c) = r.objects.first?.object else { return XCTFail() }
        XCTAssertEqual(c.data, ["a": "x"])
        XCTAssertEqual(c.binaryData, ["b": [0, 1, 2]])
        XCTAssertEqual(c.immutable, true)
        let again = Fixtures.load(ManifestWriter.yaml(.configMap(c)), file: "again.yaml")
        XCTAssertEqual(again.objects.first?.object, .configMap(c))
    }

    func testPodReferencesDecodeAndEncode() throws {
        let r = Fixtures.load(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: app
                image: busybox
                env:
                - name: A
                  valueFrom:
                    configMapKeyRef: {name: cm, key: a, optional: true}
                - name: B
                  valueFrom:
                    secretKeyRef: {name: s, key: b}
                envFrom:
                - prefix: X_
                  secretRef: {name: s}
              volumes:
              - name: v
                configMap:
                  name: cm
                  defaultMode: 420
                  items:
                  - {key: a, path: dir/a.conf}
            """, file: "pod.yaml")
        XCTAssertEqual(Fixtures.lines(r), [])
        guard case .pod(let p) = r.objects.first?.object else { return XCTFail() }
        let c = p.spec.containers[0]
        XCTAssertEqual(c.env[0].configMapKeyRef, KeySelector(name: "cm", key: "a", optional: true))
        XCTAssertEqual(c.env[1].secretKeyRef, KeySelector(name: "s", key: "b"))
        XCTAssertEqual(c.envFrom, [EnvFromSource(source: .secret, name: "s", prefix: "X_")])
        XCTAssertEqual(
            p.spec.volumes[0].source,
            .configMap(KeyProjection(name: "cm", items: [.init(key: "a", path: "dir/a.conf")], defaultMode: 420)))
        let yaml = ManifestWriter.yaml(.pod(p))
        XCTAssertTrue(yaml.contains("configMapKeyRef:\n"), yaml)
        XCTAssertTrue(yaml.contains("secretRef:\n"), yaml)
        XCTAssertTrue(yaml.contains("path: dir/a.conf"), yaml)
    }
}
