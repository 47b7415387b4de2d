import StsimEngine
import XCTest

@testable import StsimManifests

final class ManifestLoaderTests: XCTestCase {
    /// A headless Service and a StatefulSet with a claim template, the shape of the Kubernetes
    /// documentation's StatefulSet tutorial.
    static let tutorial = """
        # the governing service
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
          labels:
            app: nginx
        spec:
          ports:
          - port: 80
            name: web
          clusterIP: None
          selector:
            app: nginx
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: "nginx"
          replicas: 2
          minReadySeconds: 10
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              terminationGracePeriodSeconds: 10
              containers:
              - name: nginx
                image: registry.k8s.io/nginx-slim:0.24
                ports:
                - containerPort: 80
                  name: web
                volumeMounts:
                - name: www
                  mountPath: /usr/share/nginx/html
          volumeClaimTemplates:
          - metadata:
              name: www
            spec:
              accessModes: [ "ReadWriteOnce" ]
              storageClassName: "my-storage-class"
              resources:
                requests:
                  storage: 1Gi

        """

    func testTutorialManifestsLoadInOrderWithLocationsAndDefaults() {
        let r = Fixtures.load(Self.tutorial, file: "web.yaml")
        XCTAssertEqual(Fixtures.lines(r), [])
        XCTAssertEqual(r.objects.map(\.object.key.description), ["service/nginx", "statefulset/web"])
        XCTAssertEqual(r.objects.map(\.location.line), [2, 16])
        guard case .statefulSet(let s) = r.objects[1].object else { return XCTFail() }
        XCTAssertEqual(s.spec.serviceName, "nginx")
        XCTAssertEqual(s.spec.minReadySeconds, 10)
        XCTAssertEqual(
            s.spec.updateStrategy, StatefulSetUpdateStrategy(type: .rollingUpdate, rollingUpdate: .init(partition: 0)))
        XCTAssertEqual(s.spec.revisionHistoryLimit, 10)
        XCTAssertEqual(s.spec.volumeClaimTemplates[0].spec.storageClassName, "my-storage-class")
        XCTAssertEqual(s.spec.volumeClaimTemplates[0].spec.storageRequest?.value, 1 << 30)
        XCTAssertEqual(
            s.spec.template.spec.containers[0].ports, [ContainerPort(name: "web", containerPort: 80, protocol: .tcp)])
    }

    func testFirstLineShiftsEveryLocation() {
        let r = Fixtures.load(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: 1nginx\nspec:\n  clusterIP: None\n", file: "script.sts",
            firstLine: 40)
        XCTAssertEqual(
            Fixtures.lines(r).first?.hasPrefix("script.sts:43:3: error: metadata.name: Invalid value: \"1nginx\""), true
        )
        XCTAssertEqual(r.diagnostics.first?.sourceLine, "  name: 1nginx")
        XCTAssertEqual(r.rejections.first?.location.line, 40)
    }

    func testJSONLoadsLikeYAML() {
        let json = """
            {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
             "metadata": {"name": "data", "labels": {"app": "kubia"}},
             "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "5Gi"}}}}
            """
        let r = Fixtures.load(json, file: "pvc.json")
        XCTAssertEqual(Fixtures.lines(r), [])
        guard case .persistentVolumeClaim(let c) = r.objects.first?.object else { return XCTFail() }
        XCTAssertEqual(c.spec.storageRequest?.value, 5 << 30)
        XCTAssertEqual(c.metadata.labels, ["app": "kubia"])
        XCTAssertEqual(c.spec.volumeMode, .filesystem)
        XCTAssertNil(c.spec.storageClassName, "no default class was given")
    }

    func testDefaultStorageClassAndNoDefaultingOptions() {
        let text =
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Mi}}}\n"
        let withClass = ManifestLoader.load(text: text, file: "f", options: .init(defaultStorageClass: "standard"))
        XCTAssertEqual(PersistentVolumeClaim(withClass.objects[0].object)?.spec.storageClassName, "standard")
        let raw = ManifestLoader.load(text: text, file: "f", options: .init(applyDefaults: false))
        XCTAssertNil(PersistentVolumeClaim(raw.objects[0].object)?.spec.volumeMode)
    }

    func testTypedListItemsMayOmitTheirKind() {
        let text = """
            apiVersion: v1
            kind: PersistentVolumeList
            items:
            - metadata: {name: pv-a}
              spec: {capacity: {storage: 1Mi}, accessModes: [ReadWriteOnce], hostPath: {path: /a}}
            """
        let r = Fixtures.load(text)
        XCTAssertEqual(Fixtures.lines(r), [])
        XCTAssertEqual(r.objects.map(\.object.key.description), ["persistentvolume/pv-a"])
        XCTAssertEqual(r.objects.first?.location.line, 4)
    }

    func testQuantitiesParseEveryForm() {
        let cases: [(String, Int64)] = [
            ("1Mi", 1 << 20), ("5Gi", 5 << 30), ("500m", 1), ("1e3", 1000), ("0.5Gi", 1 << 29), ("2k", 2000),
            ("1.5", 2), ("+3M", 3_000_000),
        ]
        for (text, value) in cases { XCTAssertEqual(QuantityText.parse(text)?.value, value, text) }
        for bad in ["", "Mi", "5 GB", "1..2", "1Qi", "e3", "--1"] { XCTAssertNil(QuantityText.parse(bad), bad) }
        XCTAssertEqual(QuantityText.parse("99999999999999999999Ei")?.value, Int64.max)
    }

    func testCoreKindWithAppsVersionNamesTheRightOne() {
        let r = Fixtures.load("apiVersion: apps/v1\nkind: Service\nmetadata:\n  name: x\n")
        XCTAssertEqual(r.errors.first?.message, "no matches for kind \"Service\" in version \"apps/v1\"")
        XCTAssertEqual(r.errors.first?.hint, "use apiVersion: v1 for Service")
    }

    func testTypeErrorsUseEncodingJSONWords() {
        let r = Fixtures.load(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              terminationGracePeriodSeconds: 1.5
              containers:
              - name: c
                image: 42
                ports:
                - containerPort: 99999999999
            """)
        XCTAssertEqual(
            Fixtures.lines(r),
            [
                "test.yaml:5:34: error: json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64 (terminationGracePeriodSeconds takes a whole number)",
                "test.yaml:8:12: error: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string (quote the value to make it a string: image: \"42\")",
                "test.yaml:10:22: error: json: cannot unmarshal number 99999999999 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
            ])
    }

    func testKubectlMessageForOneCause() {
        let r = Fixtures.load(
            "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec: {accessModes: [ReadWriteOnce], hostPath: {path: /a}}\n",
            file: "pv.yaml")
        XCTAssertEqual(
            r.rejections.map { $0.kubectlMessage(file: "pv.yaml") },
            ["The PersistentVolume \"pv\" is invalid: spec.capacity: Required value"])
        guard case .invalid(let causes) = r.rejections.first?.reason else { return XCTFail() }
        XCTAssertEqual(causes.first?.location, SourceLocation(file: "pv.yaml", line: 4, column: 1))
    }

    func testStatefulSetUpdatesMayChangeOnlySomeFields() throws {
        let r = Fixtures.load(Self.tutorial)
        let old = r.objects[1].object
        guard case .statefulSet(var s) = old else { return XCTFail() }
        s.spec.replicas = 5
        s.spec.template.spec.containers[0].image = "nginx:1.27"
        XCTAssertEqual(Validator.validateUpdate(old: old, new: .statefulSet(s)), [])
        s.spec.volumeClaimTemplates[0].spec.storageRequest = QuantityText.parse("2Gi")
        let errs = Validator.validateUpdate(old: old, new: .statefulSet(s))
        XCTAssertEqual(
            ManifestRejection.invalidMessage(kind: "StatefulSet", name: "web", causes: errs),
            "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
        )
        XCTAssertEqual(
            errs.first?.hint?.hasPrefix("to change volumeClaimTemplates, delete the set with --cascade=orphan"), true)
    }

    func testClaimUpdatesAndShrinking() {
        let text =
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}}\n"
        let old = Fixtures.load(text).objects[0].object
        guard case .persistentVolumeClaim(var c) = old else { return XCTFail() }
        c.spec.storageRequest = QuantityText.parse("1Gi")
        c.spec.storageClassName = "fast"
        XCTAssertEqual(
            Validator.validateUpdate(old: old, new: .persistentVolumeClaim(c)).map(\.text),
            [
                "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims",
                "spec.resources.requests.storage: Forbidden: field can not be less than previous value",
            ])
    }

    func testUnmodelledFieldsAreNotedNotRefused() {
        let r = Fixtures.load(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, managedFields: [{manager: kubectl}]}
            spec:
              affinity: {nodeAffinity: {}}
              containers:
              - name: c
                image: busybox
                resources: {}
                workingDir: /app
            """)
        XCTAssertEqual(r.objects.count, 1)
        XCTAssertEqual(r.diagnostics.map(\.severity), [.note, .note, .note])
    }
}

extension ManifestLoaderTests {
    func testReferencesNameObjectsEvenWhenTheyAreInvalid() throws {
        let (refs, diagnostics) = ManifestLoader.references(
            text: try Fixtures.seed("statefulset.yaml") + "---\n" + (try Fixtures.seed("pv-list.yaml")),
            file: "all.yaml")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(
            refs.map { "\($0.kind.singular)/\($0.name)@\($0.location.line)" },
            ["statefulset/sts@1", "persistentvolume/pv-a@34", "persistentvolume/pv-b@46"])
        let bad = ManifestLoader.references(
            text: "apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata: {name: web}\n", file: "old.yaml")
        XCTAssertEqual(bad.references, [])
        XCTAssertEqual(
            bad.diagnostics.map(\.message), ["no matches for kind \"StatefulSet\" in version \"apps/v1beta1\""])
    }
}

extension ManifestLoaderTests {
    func testAppliedConfigurationIsTheDocumentAsKubectlSendsIt() throws {
        let r = Fixtures.load(try Fixtures.seed("headless-service-fixed.yaml"))
        XCTAssertEqual(
            r.objects.first?.appliedConfiguration,
            #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"st-s"},"spec":{"clusterIP":"None","ports":[{"name":"http","port":10000,"targetPort":10000}],"selector":{"func":"sts"}}}"#
        )
        let list = Fixtures.load(
            "apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: p, annotations: {a: '<b>'}}\n  spec: {containers: [{name: c, image: busybox}]}\n"
        )
        XCTAssertEqual(
            list.objects.first?.appliedConfiguration,
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"a":"\u003cb\u003e"},"name":"p"},"spec":{"containers":[{"image":"busybox","name":"c"}]}}"#
        )
    }
}

extension ManifestLoaderTests {
    func testValidateWarnAndFalseAcceptUnknownFields() {
        let text =
            "apiVersion: v1\nkind: Service\nmetadata: {name: nginx}\nspec: {clusterIP: None, selectr: {app: x}}\n"
        let warn = ManifestLoader.load(text: text, file: "s.yaml", options: .init(fieldValidation: .warn))
        XCTAssertEqual(warn.objects.count, 1)
        XCTAssertEqual(
            Fixtures.lines(warn), ["s.yaml:4:25: warning: unknown field \"spec.selectr\" (did you mean \"selector\"?)"])
        let ignore = ManifestLoader.load(text: text, file: "s.yaml", options: .init(fieldValidation: .ignore))
        XCTAssertEqual(ignore.objects.count, 1)
        XCTAssertEqual(Fixtures.lines(ignore), [])
    }
}

extension ManifestLoaderTests {
    /// The shape of the book's kubia StatefulSet (apps/v1 edition): list items indented under their
    /// key, comments after values, a commented-out storage class.
    func testBookShapedStatefulSetLoadsCleanly() {
        let text = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: kubia
            spec:
              serviceName: kubia
              replicas: 2
              selector:
                matchLabels:
                  app: kubia # must match the template's labels
              template:
                metadata:
                  labels:
                    app: kubia
                spec:
                  containers:
                    - name: kubia
                      image: luksa/kubia-pet
                      ports:
                        - name: http
                          containerPort: 8080
                      volumeMounts:
                        - name: data
                          mountPath: /var/data
              volumeClaimTemplates:
                - metadata:
                    name: data
                  spec:
                    resources:
                      requests:
                        storage: 1Mi
                    accessModes:
                      - ReadWriteOnce
                    # storageClassName: ""

            """
        let r = Fixtures.load(text, file: "kubia-statefulset.yaml")
        XCTAssertEqual(Fixtures.lines(r), [])
        guard case .statefulSet(let s) = r.objects.first?.object else { return XCTFail() }
        XCTAssertEqual(s.spec.template.spec.containers[0].imagePullPolicy, .always, "no tag means :latest")
        XCTAssertEqual(s.spec.volumeClaimTemplates[0].metadata.name, "data")
        XCTAssertNil(s.spec.volumeClaimTemplates[0].spec.storageClassName)
        XCTAssertEqual(
            r.objects[0].fields.location(of: "spec.template.spec.containers[0].ports[0].containerPort").line, 21)
    }
}

extension ManifestLoaderTests {
    func testValidationSeesDefaultsEvenWhenObjectsComeBackAsWritten() {
        let text = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: web}
            spec:
              serviceName: web
              selector: {matchLabels: {app: web}}
              updateStrategy:
                rollingUpdate: {partition: 1}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            """
        let r = ManifestLoader.load(text: text, file: "f", options: .init(applyDefaults: false))
        XCTAssertEqual(Fixtures.lines(r), [])
        guard case .statefulSet(let s) = r.objects.first?.object else { return XCTFail() }
        XCTAssertNil(s.spec.updateStrategy?.type, "returned as written")
        XCTAssertNil(s.spec.replicas)
    }
}

extension ManifestLoaderTests {
    func testWindowsLineEndingsAndByteOrderMark() {
        let text =
            "\u{FEFF}apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: nginx\r\nspec:\r\n  clusterIP: None\r\n  selectr: {}\r\n"
        let r = Fixtures.load(text, file: "crlf.yaml")
        XCTAssertEqual(
            r.errors.map(\.compactText),
            ["crlf.yaml:7:3: error: strict decoding error: unknown field \"spec.selectr\" (did you mean \"selector\"?)"]
        )
        XCTAssertEqual(r.errors.first?.sourceLine, "  selectr: {}")
    }
}
