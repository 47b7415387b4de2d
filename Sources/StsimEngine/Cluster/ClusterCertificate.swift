/// The cluster's certificate authority, as kubeadm makes it (`CN=kubernetes`, a CA for ten
/// years from the virtual calendar's first day). A real certificate, made once with openssl for
/// stsim; its private key was thrown away, since nothing in the simulation signs or speaks TLS.
/// The root CA publisher hands it to every namespace, and pods read it as `ca.crt`.
public enum ClusterCertificate {
    public static let rootCA = """
        -----BEGIN CERTIFICATE-----
        MIIC/jCCAeagAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDDAprdWJl
        cm5ldGVzMB4XDTI1MTEyNDE5MTUwMFoXDTM1MTEyMjE5MTUwMFowFTETMBEGA1UE
        AwwKa3ViZXJuZXRlczCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAONb
        30vioYDTpwM95OOnCVqTaMbD1EQVgSJ78x09cc8pcXipLmLNFJtDU65VInnJswXn
        bEtBbL6X7fssQ6TaVnEGfnS49XLwEqdKlGrQ5rTKWtkl6FUzHDNGn5sQwIsX17jQ
        tPCKfr3xiox3LWvxEbJrurqxNusmgv84OW1bhRXYpFDj5PWo35g+F5JcGi59DvqA
        Rx/HfXdYiXNgj4ea0bG33yxntg396gX4zMRh7qzbG1F8yV1knXu2kOMoSBMnte88
        GoMH7EFaJY0wNmj1f86qvgW65gC1WBNTeMp1kotlLjTxP7zbK2iyzMayyWBcSYqH
        SVgWa7pNvyFTyjh3BwsCAwEAAaNZMFcwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8B
        Af8EBAMCAqQwHQYDVR0OBBYEFPZb2wmWfn4AwbBeKZv8kgt9NerIMBUGA1UdEQQO
        MAyCCmt1YmVybmV0ZXMwDQYJKoZIhvcNAQELBQADggEBAK0tz6KRbC2Qxnmfnecx
        2ogztT/1jLUq3Pq3rMM55qpOZGjawCFhqMdZAG/000sDWgg2ZJ+7ki8B2sLkw+fK
        x4j89Y8Myu75XqeQSjcKdZVPAeUACrLh0LEin8QFa+VGx8/wqM0TgZpwe9ak6dRZ
        pcQUaQd4OraTTZhT48PdzntB6iqH5LXLKcnHT/OimcfjkMWZuWPkfE9fS4bXgeWc
        zTj0aeElh550v6tJuZ/3vC//aEkcLzUYo97OV83uDIjkEnmjvJ7vrJYgBE4jZxQG
        kRzYLHxmZtfBXlBSAhpgl3xwykrwJx1yVwMXzR1cY2dNDK92YcuAagk1NtKAMVyJ
        Iv0=
        -----END CERTIFICATE-----

        """
}
