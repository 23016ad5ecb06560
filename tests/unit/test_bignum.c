/*
 * Big numbers: modular exponentiation (constant-time and public-exponent),
 * reduction of long inputs, multiplication and inversion against values
 * computed independently with Python (pow(a, e, m), pow(a, -1, m), a * b),
 * on the portable kernel and on every fast path this CPU has.
 */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/bignum.h"
#include "rsa_test_keys.h"

struct exp_case {
    const char *m, *a, *e, *r;
};
struct inv_case {
    const char *m, *a, *r;
};

/* Generated with Python's random (seed 8017): odd moduli of 72 to 4096 bits,
 * bases longer than the modulus, exponents of various lengths, and the
 * edge cases a = m - 1, a = 0 and e = 0. */
static const struct exp_case exp_cases[] = {
    {"c8e1aa584ae7b9d197",
     "baf7034e5892b7e5ef34b083581d",
     "a9e6f1cb7699bb7567",
     "8e899e7e7d4215a97c"},
    {"bd930b19144f86b3c4c11f71d9d877b2d05b0bda10c72fa727932145622c79603ac71a164f83e9a43e9ac4ca51bf0046b99e055cc20c97d92628414e3d9040f180000f50648b8f546476536221e7e66295d77a995054b6edfa6a10a0f6e3d0c0adcc0e95c6b1235a63ad20009174c02d15ad80943eb9e5fabb34c5b45930f11f",
     "0dfe8f71e15e73e1669c5067cf0051a48dd86e193d40208e64317f6a4fe4c17ec64bbae9748271598f2699662698884c48f4496ccf261c2c98c50ebcc4777d297752ecd57756b35c60f23a18677b0cad5002dc3028c607f1274176ff4eaeebc40c9fe5425787ca14acb71cd18e2321a89e12ffd9d7fdbcda7161dae43d38237aadfef1b163",
     "8017854a310bd554ddeea7b165781b8c3ea15b90998300a45ca9af1e5796c64e1944e3ba9a1a26f40850a5d9596b4b6a0ae76a3d8883e5f4895d7363fc98cff07e8d554f7acb0b873d1f41f09d713fb95ec5c6d19648faddc451f0cd71c327583607de1c3525f69b2de2a40c95a7a173708374d461580c3931b56776abda0034",
     "409ec8f92ac2e1a70519598c4e56fc56fe7a9bc3dd20d17472632e9e3edabda5d71bf796594ec8f0ee96005faf31daa5abe377427ab1b87ded9b29ed9292afc62639771412fb81dc951eb381f9a9172bea84d1a9dc71243b6eef521262208c6352f1a9f4405da95894928039a4900bfb410192d7fe429f625e809395dab71d25"},
    {"867dd447d87faf2f500552d33fc4e197ecb3231385ab1e1cab6da48a5fcc930c49d554b7120d5c84bbb2547a8c38d2e712f0de3c6d94cb5724967079ae292b7ea10c7761c215fb211b796fffcf7c69b1317a6fe23242171021be3d12836791be3e19ff53ad49540e411c18ed7d128ce89eba0fe92699ba199423a8ca433e9d73",
     "47911310e7c1006eee52bca24ae2e94c9bd4ab4d5e20fa26677e3e21ee40d21da557a3db748435fafa857f4ba05046b7c69896e7e41cc78f4986e6ceb3f768f400843852e4507c03331e48d6c6db1380227173463995a25bb1c638803bca29eea37cae7e6afd1b2f6f5de05b9999afb3c27ffd6c9bec02bbfdabaf93c8a65d22cd81c93296",
     "018f35",
     "2bf632f763c3205fa820ea99bc5a18d54c10989e8ab58aee14415c4a45dc496b14456b7e4d83b4984dfef0bd6964402e70c16c87857619ef6fe730373da20c5005d3a9cbdc167647546cb1642e51442e61ebd2dbe73b397c51231f73493520ac97271e87dc8f9892e0e0756acfc12a6fc9041661b8d3785de955924eafeec001"},
    {"d612fbaf98038ae236ef17e0d591fcef701592af1cdee6eea6b573a778821d1d155d9d21a8a3b8688789db2b49f8fc35f69325467661af8d7600e9638c11a53e5432a556c56e88a21f0f3c73f1230d38dcb9feed8e9c9fbaac49039b632be12247ad3c59786b0b4b9b7e480eff3050f09714f79d25d5b0dca6f5e10f9a15efc28241c42740ead3018dbebd63ef8ad4b00c47a3fa6fdca06174ce748265a4941e47af938169ca5ba8b2385f556236f041c93dc837c2fe6013507f1c175283fbed",
     "b4598c811531d354843a4157e3f0692be4aa4b7d1caa6d848f9dddb1c7795fe568865833bf1980c6ae30825489e46d386e6472cf0352e4ffe77ef0ea6dd716013ee313c25a82990db44fbb75de74490dd8b84aa7b5893f08dd5ecff281d8b692274cbf17c2e93dc84a3df97644b32d8d4d883ddc0bb6e80cbc3d5d280cf8649b3b1643b729cb29dc484b0fd4e01cd48d4778a3de5ecae7ae1f6fabb6b7d17506a43f4005d9ceb9255788b9897b800e2d9429c7c4c91a17dfb35ae2e44a387aa50c5cdb6053",
     "acb57568ec3bc996e0107913b54d236037da926e0f5c77bb20a5c8662ac58f7bfa0af0fca557beec9121bf2048e1dabacf8d533460cb8a2fa8d69cc0cfed00d834dd5f74e3f5052d34676c7d61f4152a4dfbb750de5f398b88d458cb89e0ad2abbbe817505c13e0af55efbf86458f7095fb1645648a07c7f7f3eef0704ba3697b3968c1498ecdace1bd8093818bc8f378d4f8b1a24e500169e9dc2e5e0b07329bcb138bdc026bb17401a26710e0cf3be9500c1ed000221a0c37adb3828cd1fca",
     "b0e64350fc4a823c7d7e8c7bacdb791ac623d6b9799fbe090229f2db85c80fd31b7e84e9a551d77ff0e6b5145ec36d1898fe62e93828e8ed782a62e16334e3a054fc23da053239ec0d3605c06caa4d02d05af4c5a151d76a501513e7ac96c104e3ce2dd6038b31f76f38f93d02e15d3cfbb564a9a73e1212c53eb72f994dedc89acec8a68d53b358cde8f0d20ef5180382469fd8179c639e02bac8bcbbce7beb6fdd55f5b2adc68b8fe6f3288e3ee62a5b51a0bf95bc74040507692c84c46836"},
    {"971e50454472063d66868b83d69a6cfd29a34dec2cc3a187cb672caf76ab2c2616d2fc38427555aae592b9d9f07f617f8b38b87969ad159995c9b7f7ad958917b2b585c83c225509225d8686fe8d4277dc57c25b55ee9eaa3ec6ce3c67f6ab32c4521f68db075f40f3fe642b566db4f756f66c622f3e5bff226ad7a7b9025a86cbf672e105f5ac91dece79a59641db5ce1f2d36ecbdc3a28bc7337691b2e54af48b87ec31ca87a4e224e075db3f270ad8ce48cb3bbbcced635ea77199bd4ef299432d995419364d84565c294f0fdac9812a0df772a95f2cdd27f5bf3887c71d09b86b90ac80a13a703fe59c64303176bd9f3a7d81ed0d1e8f6190f8718249757",
     "1cdaed06f13bed9beb1ab571c120f3eb4445175d07ba1b8855346a8b1ce5dfb9c8ac4ce56c582d8e5e1c94c075018a28cfaed5cc1e75488cae6bad237da1883d939c976863dde6b6cb6cb614075784bfe74d69589e3942a67f10cf5d23f942ea051e0b9a125bf907844f35d513b0d68ed2a6360a557e17cf14621bf3cc7e0186c870507bee4d7ff2d0bcf64fd4a90162afd33c7de8be36eb779672687cf5c6d3668729cea97035933aae10ea720d070264125e1c635111a92df6e69d8fbb0e9f63caa41ed876881f2e76d251eee903bfee1afc9eb99f42c8856dce2c18bc63341d7a95faea78680efe8b34988cbd5cb5e4993bd636d3c292cc945144ffa8065b3813f0652b",
     "e11144634874fada4799221aba3504d7cc8524260045acfe9f4c4f3d27707be3f9515a93f03c2159d9e013e3cfff93a9c162af4fb48eb1ca802c9495fdca98d2da51d69640f63ba9eee579a89c0fd9acffac00bf67e956b26398bab07b82c47dff314837f62d6f5e9e972c55137206ba539894332dc83c58089572183c45285bb3736dd431b8d3d7cb14b1bfbf7a597af1e31303bb5f020c00c241560af61c9a7739a8f7e4c9023d54b401871f20c135b58743d54ea666a25f7cd48c763c19b7f6ea0c1728e316b42ffb0e6efeff0de73f4d2ef6ffc82ba0f78520cece97a7a8d5792e57fa780644883851ec9f3198de1fbd7ba6e240046cecf0370d0b213503",
     "612e46dddf14f6331ead4a7b39c7b04d8dd2e721c1146d6c1cfc95958649905dea6f48cda0c2555d59dd4a870629bd651ea2a0ac3faf5b8e7e91e3754ffe454f088860ec6c9e4d949a6c187d2e574fe84e457f05639776718781cca76af73791625143130fdf0d806994911d88c3fa72829333e18e2ca91cc4b250d0b4d48a1eafa0337e58d9e1a1c583926260cd9b530197ef41ac39e1d6c8b0c3f0eb5b19a2a663ce22a56bc37155e91d678322ec8087aec2879be6d8b6b312ffbb5856428ff3382201ede61ed2954172af271c979888430bb4349780fad35862057f6d8c3a4b5836002e16991f66f3dd4a31fa85d312d8b9acca4a61131a0b8bea82dd8a10"},
    {"d5868cf88a56665a9ec3988cf7f25ca22165c3c9fb243dff4369cbd986c802190f810aa26778c599fc14e5038ce53fa444aa7e623e3fb2b18bc7a664f329e56d1e419f9db3bac658ab687ea2119017532f3ad44425310e1823673fe93739a9bb44269297d28e40fd5b68edfb46818dad33f8e95cd08f1f14cab4d553e275d9b30092a3e52ca393c19efd6c99839c3699e34846b8c6d28496e197e1393bd62a7eceb3960fc9e81a570e3a139c5591164a0d5912e9ed3b5dfa432544797db24ddb7ee85793198aa11dd71f727dc4f77b5006a616c7d8d87d8cae906fba5566050f718bf308ad55912693f019d685f7da856feec760c7f1e1b16939710d3be22b59",
     "3d214984a15f0d6cb736ceefe0e4ab1b7e3d8caa2b8e593f8ac2df65d1b3ba5cb280c19a6402acc8a193e302f4090ec264f12148c4b52c91f0af54edd0791efb1fcff4141e0b810cad88d5cab5f6b19dba803ff22ff15e66daf43d573ec0072acf2f41c6a75d8c3bd5608c596c78fa89fa68ee0cb2435edbb049d1fd9612c1cacfd082893ed8afc9564ed2aab67ac27166ff9c660af4da5f64ceff0a04c6bebdadc8a188066aeba07d992a33443a85a4a71a4844436f913bcf7321f4ecafc5d61f46645079e1fa7d3b01f2ab24ccf8fb091c6ed414e137ec04cc5de824e544c3464fae66998a784c6b76454fc11d910b5fa8d4b51f4617c4307fa796f5081759612400f301",
     "a7780f22db8ba92e",
     "bc30fefb0abbf9d4c2d883fd8f46d68d7b7cf368e9be35a8943fe4f2dc2638dca8728bf9045e0e37990008c1ea8143194568d75f772414608c78429f372bbcdba80f4577bde09ceeae93e637664e48410574de8b16d220f1cb63b822c1d74fe6a535e8e5c341631858e57ea33df397d502cff09378ff6709012fe2d5e4e02956ab86cbe78ab4a9042a4c50538e938ecf565061fa064913619667952d9d5e51d15a26cbf1c196ec2689bc431c17fd655350e24a6caea2a405060331b36fc46165377b81247bf4f16950de1e575d5a6e6ec486b706bf517d128ecda2077b0d209c13655cd191224cd2e0df27e9c7873364caad12357015eda99050a6a1937906ae"},
    {"968d1ae81f83b1bb1b9d585ae9bde4e0c01e5364568255fabc85189703efec5c145a7ca3f1962d976380e1e080ef805b6cab86e8d1c8a555b4c20924deb40dae0d3cf02767654682aa9dabf9cc23fe443d75d6d11beb9c570cee504acf94574f718b943d543d9efc341e0b9364464c08d9bc7fcf28e75a70d9d0efa041d44f811cf27e43e11ddce942a14ad8b7dbbf79a32cefbbf83ec3a631b18c562ecb96c3ebf66d21d750c50cc3ff9bc88fe82dbfdd9af11e108fe77616a1e1a4feecbeccb1862dddf8bea90619122983a1fe4b7bdc6a36c9fc651cf4f857a6b26abb5a6018cd9ca5eb6a0e82e90158469809b550211796555a6871950f2f4b338f06c6ce40805293eaabb08c96139bd80f7f553100e4da138f3785df180120610cfd84d473108b991ccc81fd8355ca97f83cda0da3acdcceea8d36fff6538f62f4b71f9a4787169c6616763bfa47a162804f47c2f4f2d11f3456357de92923188fe3e9176c1677f4aaff1951bbb4b431e6eb9812aebf26e94cca7e9d25b2e07640451614c9e318baed33868684b00dfc8f2f70db88901a5ad1680c758ba8f4cef4b7d59a639f5b4a471a27cdaee7d2c9d2b53754c834464ff4b5c72fc716bc59daff0e932640422f774559c2ae9e5f4e05e5a5c9da4a70e186e2e38bab7c37c173af8daf0da6b3866d92b82cad1acf8b1e9b11f11702d67c77b608c9fbaf8bd2c4bf3705",
     "2c6ec4f8e936448bc792d7ef7974d4a50dce319ebef4997808497e88c801cf358d1ef6072f93163107b1ec1d08fc4cc021d65f4e74ba33dce7eb59a363f8b79d66054130af91d9a192e554fb88a4861a4f265fe973c47bee9507ab912ad8696eb31475e76de7ddf76f8197f499caff9883c8fb3fe2bd59246f7f1188f1e587cdfd5d3c218f9bb7312848256476446c035578f358629f3ea9cc15fb9d286c2da9008e779c993ef3b5bd6c7204d7d91b0ed25b028f5e958dac542a1b84a7f83e5be4e91f8f6afad9e95875f1840d29be4205bcce19677bc5d2c4f03d12d0cf801c2865d412b2a3ad276ea0674b7a7b57b16b86ccdad3d8eb51ffe80e1eb149b50c6a6c5eada477c119790a6e2c5d9023442a478b4659e395f3a4d261e23ba9faef8fbdeec1c84bcd6740811ed62d1a1b133449bc49b1c455b77cd4087441ff50acbeb7c3441a1573c048bc5290084753446451f9ff61257675857681b4c5b3bd634898e7c1be7ac7fea0ad9a6f41b5dc727a60728f68d0785d543c63c751dc81533e88c601cd3aa5cfd3bab14e800757117724a3db39476235e0ea5ac57348f2105cb8d471329b2a8387b2eb7db6ad92476aa875628aa806304bfafd13c541433f3e0a9af2400d5d2cd5e3cc878ef0759423c636a7bb034a76973e7278a9d440e32686bc263fa0f45474eaa78e32afeb9a80808b4f3fe221335aec76365c1340185d4511b781",
     "090e38dbb95bf328e7f1ddb494",
     "347dca443e0e0661b873c8559aad41acfb279876d777319ad94a575e54cba56c314706630f79ed5a9a6f42dbdc5e6fcaf8ba9596eb7eca77c9ce44590f81e3523226e0ccab868ddd4a59832471a43b5bed1613d5f95d8cd12b5dc1c6298101426de62c114558ad9665669aa9e12fad8fc8ae66923ea68cddc6af7a1327cfade4693f8a74f1f8395a1ace6782b08e632b99e3ce8b025d1c97768fafb15959446d807721a611a9d913fa3726f76d31729693542f5f4ac2789b401fc87e22ee5a9123d9f1e0beec60f0d66da7a7323270299990e5511b7225324742b2103345d6a6331c5f974a79115a93cd28169d5867cc0cb8f7e9445cf03a77ef5a043ac7b29984dfa5da56137feddd9ea40a3f8609d67af7b1b388b1fc339000ecbeab2101c27d29f586e8c2e65492e5146622f69d6f57db927fa2bf6df6f4fbc63dd34ee488f3fc8f722ec6e7664c7c4b3bdb56f72e769053be3bb9c47ca304de6c8aac71769548c0c614495a7ee9c3de17ffc545453deb0c3cc137265041ab7e662725780cf71590ee82ede4ac6bcd87acd2182b0a9972922b18ae0245dd504c35c0d29938d191eae193e51a7ec167ae02a3444448ac5bfea74bd06b157c7bb8098f85df0842e0d7b3a8b1d7d78e95143193e6137ce203984afe1afb112ddb5618cd54508641094184b362cc9d7f68abfbfa04465a8510e7b841ff977f79faa1d4581ca606"},
    {"9ebf7929f1878c27f0932854e883082dc21aa4a35a06ab0427b7e316c1a7d4894f358d24206df6e638e5c518e952c80d7cae7f972c8e0808a958e7c28f6ad958cd3d985c5910b128c0c8851c3b8c6e778df16660ba0d81ba63e8ca966a1fc4899762d7be86706934c2586929effca8fb381168f60c56a80f5b48b006dfe96a6955540ea3cb35be3713d958dc51971b30032c74276f6d8592de163f600e7a3517a6118dc85eb5731b2232b73fef0b899e1b6bd4bfa6847e152ff2c48d392a24800b9008bd22c042be6e15dc138ce958bd5a15c0068495e76e0cf37bb43714785679fe37554ee3ccb592f11aa558d5329b0fbd945dcd19612c07129e4ccba54ff0262f79322c4a9693911ca70f7e127581cf2448dec9ad65009ab7bc7eba9c646f2d706e1e6103b6c4624687947356bf176fde782499c1f81eb7add3b7d891deca1f923e6a15c84edd884bf51a4eaa2d34e1a9d4a0137bf9b48a92ccd3022d86b8fce63bad96dab9d1065033b3fbfa1aba8aec30f3bf9287",
     "338078b07c8d405240d9f5e4fe7e07ff0d5a170f72ff0be5eaf79ddff7658cc114b83bf0042764cd2a5ad4ca8c6ee2e0f33a4c2bf12c798a26af8b17727297be1ae8e9d9302c68def55de10524af713f25114b15fdbde787d279e447532cd429516be059a3ce167caf1adfb93f8f163593b93bde68c85d68c07ce9b15a1d37febd7c3300e9b09b1c320a95cab2f54cae416c134541cca88c7a43ee9ff64f2a6ba3250bc2c911e74495341ca6e2baf92c1d6300fbb3006c2807953a115d32962ea177b22340c105e4697c4e9b42b1f815804bc130adb932ae892a81e565878e8a1172ada024d6026f172d3e8816266f80b0142db125b68c77b1c9c3d886c289f570365af58847cd4c5f32ad35e179227dd8e72e9a91553f83c0489486a0ddffe207a2413c97af5e9f3f7896df59ca6c48d5c15124a7e04901d3dacc3b4aa5813a9a603091b47084cf027099d00196fb331daa30b6a35bbbdf1a935bc5057b3bb2f4ecc0e76bbd1e16f71303b696222945d4827f63b9f57b511daf0c6d",
     "8030ab2353e1ecbdf689f40439c03ca7db0fca9fbf53c779976a382dbcf823b710393e9d339f34335cb398c5bf08cfeace022570bacba6130bcf523916b5ac12052ce0114cd26033cdfd0b53d61a318a1225cc0084901b2bce90046989150d472ae44685488190c3d004311732848920725cb820e2de5e185e983dd8b144e4014bbb41f73b7613767b666d18c6490c5c43339eac5f7c2f528e161d353e3ea76d4bab3864b7ec3ae185caef8e886d7d1d9d5c7fd3a750b58649ff021e5060d9c530d8b7dce87ac91cdda5be814708eb92d885a5ba3d77b29f41629143d6db3e734b950f2af3866fe077390cf2bc7bfb883203ba7639ea09a402d9bc7e195a2849d7290986b49c7d9f409dfcb22c3561e513a63c0c8b3860ccd9033c05bf959f483a6874ed1c637a9d754ad5f2bf52becd1ed4a746809d18c93d509695775baad77bff484fb03ef2f5b2b7cd509002b8fcb927900488f53e6163e30d87c203d90311b7c589ef3df50be937f7a3503d4c71a8448cb60be8d8",
     "68cd1fe111c55f1984577474b38ecbee4df17bfcc2bc5c80a7b70cdcf1fc76dc600a2629d533813f9712733ea3bc76df1b935e017a6aab173d9d1b4388cef341c0e7d6c1d5ee6ade4ac19a7ee72525f6bf2eebb08356933acd729350386a1fb0bf274552d528bdc65063f1389ba47e5b9d3f713d1ce5e68e0cc29025124fdb2358d2af9223df07c3097d5143394e60145d51358ab30a5d94f427f10f998a8b1b26382d95acfaa3fde5ea675d751c926499ae85d85468086504c2a65797c49c938a3ed9e38c12df714364cf4867eb7454521a871f2678dd0c3b867095e81316d294d2669082698efc4cc50fbdda69c6936884e898db715d42ffddded8e1a9e4cd9c03790a6099aed95e344e06f82b08d84ce37bc7e3bb18de14a3882805fdfc0a33d808e3b3bf5b93365e6be2bd82f3570c16a06c6bdb04ffa9492278f3c423d8c5c9625ee7bfc56240e1c508d7a6449ba8d9a6d7bd775ee2c9dfde7a9914f98f53d517593a2db7c88da55c7509ad6dc641f056374e06dd"},
    {"ef998cc6794e5c56cb404892b81462a0fa06b0f484fb2d3cd308ca002173a233132dc294e85168298869069ce48e6a946c9a5411ca38dfd7e186fede6c1b66c870fd70b0736a2191c901d5689c652c16f6c5491360c5b3a2d6e2d7db554198957a9dc75f246451a2f17e2685ff146e920d5a8fc28cca0f6120162919272fe73f",
     "ef998cc6794e5c56cb404892b81462a0fa06b0f484fb2d3cd308ca002173a233132dc294e85168298869069ce48e6a946c9a5411ca38dfd7e186fede6c1b66c870fd70b0736a2191c901d5689c652c16f6c5491360c5b3a2d6e2d7db554198957a9dc75f246451a2f17e2685ff146e920d5a8fc28cca0f6120162919272fe73e",
     "7aac99e74d66f9c2d9926665912926dcdf946a3dc57536249419e95a333e6992d2dd81c5407d09c223b9b77bbe70a0cd8f8036d40228d7f47527ddc4293ab9bc33bfa504d0d3b71832a8ff7c99d98192102d0f44c92ac27e0fda8dc58801744209ecc075b3c587081a9988186768443778da172a4244877dd97ceb284a0677fb",
     "ef998cc6794e5c56cb404892b81462a0fa06b0f484fb2d3cd308ca002173a233132dc294e85168298869069ce48e6a946c9a5411ca38dfd7e186fede6c1b66c870fd70b0736a2191c901d5689c652c16f6c5491360c5b3a2d6e2d7db554198957a9dc75f246451a2f17e2685ff146e920d5a8fc28cca0f6120162919272fe73e"},
    {"d1d08f4588b74734d1184ba1dbc3933258e6e10d1ed2c007015bde2d5af65cc711f10f9b93eb86ac0f28c31f321e975dd5d54387d2730bfa542a2c249a19843682455ac4efb513d7f10685d444240613150b5833c8cfd3c9b3287330ee977ff8176e04eb4d27fe4757e136b3c01f50850207c2f28e7d514c8dca889d3200536d",
     "00",
     "3039",
     "00"},
    {"cf0bc063cd4108a906a49b060e546714d7c2c30da556c5e803624abb3c9b7bf754615db9bb8550eafe504bc7ed66344d70e90081afb84f68a7a45397bf8f12a5ef05066de34a4a494cb8a36451204e2e72a8004ddf112e330717cce5dfc9c85cfb2d1b830c67f665cf63fa37a9bed8bcd87d37d7a7746d2945b75bdfdbd31d23",
     "07",
     "00",
     "01"},
};
static const struct inv_case inv_cases[] = {
    {"ce168dfe4f8c41dd",
     "0e128bf8e82ac97d",
     "3fe55e4f9f6964e5"},
    {"ff6fb6b21ea6bb795f8e3f5f2ba7d2beb7cdef1f183ded806045f2fde5109b479a62a54d2ca9cdbd0242070a89c3fdc1955afc0bbbf95e89ce5f98158d3580033626bcb3d1938dd839aec01fb5137afbe10a0b1d37c7d5171ca989ca794cc0e360bcc1aa2f42e95f72f321f21a4f2365ccef4920c396d26197df4e5621091ed9",
     "5378b32221f63767ecdca0362e0bade8fcb4ca91a8ee709b62b595d3f943271fd8f140b0b6ed21214c1db5c00976d0d83799a07e2efb3d26257b1279caa8a62ea395bd56688e88c32b7d9e91d39f93d0d414342686261b64aa3fce96768a3b026c1cd60c1d114c9b4307bf7b13f890ed0059b37d0d65e195af00a009d87e7018",
     "b8da04a1a937b09a80e7deed80fa581160e18b7fb15c165407846ad1058231920f887c9b690b7f79c5c521214d499c329251479c8c156fc1a376e261f083e38c6c7f9203a70b5c87f1a2d39d9dc3c79c78abf1911a0d6437fff6e83f64a7280953782bdfb72c6298a691ae1e4463f291aace4113f572b1673695ae6753665894"},
    {"e4498daecf0b8d00096054322020e747c55488246593e60ec043b8c9699a8d2f92605a593186e82df07650aa2d29881315d3886c901aad72a7b4410063af3096bcf7162c9d1d3f62ed69dd1b40f6bf417d04462fa50dcf46ed7087dc92133cd8c1e327d6d4a36e5d531a39d242f7d14464ce8addf3c8009aff72a2f2c9ec25e55c71cde02665144a13a208d2067d2b56460d3057b3ce4047d65b3a939ec0953689f4745d47d1921ecce119eb93ee769ad817841f42e8f92f13758eaf623b92995d5d1bf2fa9c2bbae190d2f9aacfd01cdf221092c3f362add85537d7f893fb4e629077fb1b64a68a1bef7ec38c30ed4eae18177cf74d3dbb889a80717d5eb461",
     "0b4742899911a7cc402ab67aebe495b9797cf5ed1c1ff802fdbc45c7de1a697fe7cf087125ec829237fdafa6a6366e2f6f38a3a41ed818cda063ecc8009526fb4d0d15b587d5f2c2775786836f21b1b2fc93c499ed171f4857848443c227797e38d9de2067449459575d695bdb5d93ff5b7c2fff1333fac3057baa4275ab2d2ed3af88f2aeb4ad41f190df18dd756ba99fd24a5f59577bd0f76b213f607c6f517d64207ae76f101e77c3839d51b9e0e06b0f92e8ad6edb37d6154427f2cdc1bbbde5a672cc380c8ea2412917281be8c5155e795523d0bf0a26faff1bdcc5c17aa6e52d299b1ca9af3ed179a043ac2995900d1a13e22150822f041b89fb94b858",
     "7cbc799d1eb39b1ed575aca7ca7e4f41376af0c382e061e8df4a3fec34496a89672129c7a3022ffe58d6d995f8b6b0f8d2e8a756917671322c843e5ac7aafc00f64f4b808a04cc332bcc397827e37478ef06e5e93573357f8e941a4866853514fc68398014e43ab618963378d286b619603d38a838925c37167cef5c769948f2bbd2d8be0727b123be50a22cbaebf39647d4fb8f598cf04e37915b338d90358a64042f0a801cbb1264db29caa3df3071903d087973c40d3f0c7a258b92b17db1cafa8e3e4bb54420ddc21ae09a4621c4fb2f5f3c52640ca42cc274f6086b08d37e32f0796bef0708b2cc7a26757c63e709398df368082da4ec932170bda9463c"},
};
static const char mul_a[] = "dada04f4141d6a937baf51238ec58604b2cacb57bdf64c77d170be1f2bad5280bc3728c678d6a0e8900576a728b4cae625c8127b7289b056d43114a1739dd22e0caef72de5465952cbe01e42f976422aacf237233c1c63fc2b266c2b1d69eb58e5c9a3670d608fd7fa8d91110bc468e947720fb7e91bbb2209ac17c794f2003d";
static const char mul_b[] = "5378cdba165059e22c58cdc838cf0b0437f16df8017212f1fd826eb8f45663684b7c0bf6e9acfbe64cb2c8a4c0da8764da2463bc5c7e718daa7d64f9212a6b0643ebaf4dac462cbfba737f14b40cce9328f570bb429e713e19da394b9a4dce5d22063ab2197184a20bf13af7b2db66ce5a13085e78cb04ceef3224862831a34a166bea4e5faaa73caabcee0fab794240ead3b1bc53301e4ee1d8761853bc49f44c7c9834a8cc8883069009246dc594fc84331e4dfacf4e9052ecb94af103a2c8";
static const char mul_ab[] = "475bf5ad2061722f9e0ec9393044742d6dd9ca6b0b65c158344905836da479a8225ff6c6ee42cd67b7e8a96e6dc02929d6b7a578a3d12e75ecd8d6296f3807e82f9c56ae4e1585dc39a46c98d23ea4a07d3665a3ad6e80a4d2bd00e3bb387574846a15747497a087f63cbb7c7a553ec5d2b48f04b3bbacd270a93bfb1ed0484fd82ec7cf05744c59c876da6f948c046934273524918ac620cc2c3abb229a11869e0a27a07af1a431b7a52bb21c9ece4792e8fc50470f6022194629d26f435cfae92f191be1924444d377fcc5e04d78cbee7e745dd487c57e52805c2d9676e2f6ad1d4bad93c0e017be2b6bbf85badba7b0655793e559e3c7d03c9d7099802a892e2e6cc295050c9fc09ebe4264eff01fadd39003ce922dc95076de60c434f9733211e8c0df187c219b0d7a1e555c090dd23d66b030bd81ed526997deeeedc9a8";
/* mul_ab mod exp_cases[1].m */
static const char mul_mod_m1[] = "669e5ec0a01b69e21b7925735a98ea2b13b7ebbae5bbe9f14bc3b91fef95179876d0748c96565995cf37ddd1a5f6fbc3d8ff8630c6b40a0dacb3191c336dc9446a57029d42b671d02c6f22ea7cf594bf349b78b91e53cbd3138168853af28c2eea281cf3c82a4112a664576c101515c9016628f9b395752f972de8ea713ec94c";

static const uint32_t paths[] = {0, UINT32_MAX};

/* Hex into a new limb array of `limbs` limbs (0: just enough). */
static tls13_limb *limbs_from_hex(const char *hex, size_t *limbs)
{
    size_t len;
    uint8_t *bytes = tt_hex_alloc(hex, &len);
    size_t n = *limbs ? *limbs : TLS13_BN_LIMBS_FOR_BYTES(len);
    tls13_limb *r = calloc(n ? n : 1, sizeof(tls13_limb));
    assert_non_null(r);
    assert_int_equal(tls13_bn_from_bytes(r, n, bytes, len), 1);
    free(bytes);
    *limbs = n;
    return r;
}

static void assert_limbs_hex(const tls13_limb *a, size_t limbs, const char *hex)
{
    size_t len;
    uint8_t *want = tt_hex_alloc(hex, &len);
    uint8_t *got = malloc(limbs * sizeof(tls13_limb) + 1);
    size_t cap = limbs * sizeof(tls13_limb);
    assert_true(len <= cap);
    tls13_bn_to_bytes(got, cap, a, limbs);
    /* The expected value without leading zeros, right-aligned. */
    for (size_t i = 0; i < cap - len; i++)
        assert_int_equal(got[i], 0);
    tt_assert_hex(got + cap - len, len, hex);
    free(want);
    free(got);
}

static void modexp_known_values(void **state)
{
    tt_count c = {"modexp (ct and public exponent, all paths)", 0, 0, 0};
    (void)state;
    for (size_t p = 0; p < sizeof(paths) / sizeof(paths[0]); p++) {
        tls13_cpu_set_mask(paths[p]);
        for (size_t i = 0; i < sizeof(exp_cases) / sizeof(exp_cases[0]); i++) {
            const struct exp_case *k = &exp_cases[i];
            size_t n = 0, an = 0, en = 0, elen;
            tls13_limb *m = limbs_from_hex(k->m, &n);
            tls13_limb *a = limbs_from_hex(k->a, &an);
            tls13_limb *e = limbs_from_hex(k->e, &en);
            uint8_t *ebytes = tt_hex_alloc(k->e, &elen);
            tls13_mont *ctx = malloc(sizeof(*ctx));
            tls13_limb am[TLS13_BN_MAX_LIMBS], rm[TLS13_BN_MAX_LIMBS], r[TLS13_BN_MAX_LIMBS];

            assert_int_equal(tls13_mont_init(ctx, m, n), 1);
            tls13_mont_to(ctx, am, a, an);
            tls13_mont_exp(ctx, rm, am, e, en);
            tls13_mont_from(ctx, r, rm);
            assert_limbs_hex(r, n, k->r);
            tls13_mont_exp_vartime(ctx, rm, am, ebytes, elen);
            tls13_mont_from(ctx, r, rm);
            assert_limbs_hex(r, n, k->r);
            c.run++;
            c.passed++;
            free(m), free(a), free(e), free(ebytes), free(ctx);
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
    tt_count_report(&c);
}

static void reduction_of_long_inputs(void **state)
{
    /* x mod m for x much longer than m: via Montgomery form and back.
     * The exponent cases' bases are 40 bits longer than m; here the
     * 2560-bit product mul_ab reduced by the 1024-bit modulus of case 1. */
    size_t n = 0, xn = 0;
    tls13_limb *m = limbs_from_hex(exp_cases[1].m, &n);
    tls13_limb *x = limbs_from_hex(mul_ab, &xn);
    tls13_mont ctx;
    tls13_limb xm[TLS13_BN_MAX_LIMBS], r[TLS13_BN_MAX_LIMBS];
    (void)state;
    assert_int_equal(tls13_mont_init(&ctx, m, n), 1);
    tls13_mont_to(&ctx, xm, x, xn);
    tls13_mont_from(&ctx, r, xm);
    assert_limbs_hex(r, n, mul_mod_m1);
    free(m), free(x);
}

static void multiplication(void **state)
{
    size_t an = 0, bn = 0;
    tls13_limb *a = limbs_from_hex(mul_a, &an);
    tls13_limb *b = limbs_from_hex(mul_b, &bn);
    tls13_limb r[2 * TLS13_BN_MAX_LIMBS];
    (void)state;
    tls13_bn_mul(r, a, an, b, bn);
    assert_limbs_hex(r, an + bn, mul_ab);
    free(a), free(b);
}

static void inversion(void **state)
{
    tt_count c = {"modular inverse", 0, 0, 0};
    (void)state;
    for (size_t i = 0; i < sizeof(inv_cases) / sizeof(inv_cases[0]); i++) {
        size_t n = 0, an;
        tls13_limb *m = limbs_from_hex(inv_cases[i].m, &n);
        tls13_limb *a, r[TLS13_BN_MAX_LIMBS];
        an = n;
        a = limbs_from_hex(inv_cases[i].a, &an);
        assert_int_equal(tls13_bn_mod_inverse_vartime(r, a, m, n), 1);
        assert_limbs_hex(r, n, inv_cases[i].r);
        c.run++;
        c.passed++;
        free(m), free(a);
    }
    {
        /* gcd(6, 15) = 3: no inverse; nor of 0. */
        tls13_limb m[2] = {15, 0}, a[2] = {6, 0}, r[2];
        assert_int_equal(tls13_bn_mod_inverse_vartime(r, a, m, 1), 0);
        a[0] = 0;
        assert_int_equal(tls13_bn_mod_inverse_vartime(r, a, m, 1), 0);
    }
    tt_count_report(&c);
}

/* a * a^-1 = 1 (mod m) for the primes and moduli of the RSA test keys, with
 * a = 1, m - 1 and pseudo-random values, checked with Montgomery arithmetic. */
static void inversion_round_trips(void **state)
{
    tt_count c = {"inverse round trips (RSA primes and moduli)", 0, 0, 0};
    uint64_t seed = 0x243f6a8885a308d3u;
    (void)state;
    for (size_t k = 0; k < sizeof(rsa_test_keys) / sizeof(rsa_test_keys[0]); k++) {
        const char *moduli[3] = {rsa_test_keys[k].p, rsa_test_keys[k].q, rsa_test_keys[k].n};
        for (size_t i = 0; i < 3; i++) {
            size_t n = 0;
            tls13_limb *m = limbs_from_hex(moduli[i], &n);
            tls13_limb a[TLS13_BN_MAX_LIMBS], inv[TLS13_BN_MAX_LIMBS], am[TLS13_BN_MAX_LIMBS], one[TLS13_BN_MAX_LIMBS];
            tls13_mont *ctx = malloc(sizeof(*ctx));
            assert_int_equal(tls13_mont_init(ctx, m, n), 1);
            for (int trial = 0; trial < 6; trial++) {
                memset(a, 0, sizeof(a));
                if (trial == 0) {
                    a[0] = 1;
                } else if (trial == 1) {
                    memcpy(a, m, n * sizeof(*a));
                    a[0] -= 1;
                } else {
                    for (size_t j = 0; j < n; j++) {
                        seed = seed * 6364136223846793005u + 1442695040888963407u;
                        a[j] = (tls13_limb)(seed >> 17);
                    }
                    a[n - 1] &= m[n - 1] >> 1; /* below m */
                }
                assert_int_equal(tls13_bn_mod_inverse_vartime(inv, a, m, n), 1);
                tls13_mont_to(ctx, am, a, n);
                tls13_mont_mul(ctx, one, am, inv); /* a * inv, out of Montgomery form */
                assert_int_equal(one[0], 1);
                assert_true(n == 1 || tls13_bn_is_zero_mask(one + 1, n - 1));
                c.run++;
                c.passed++;
            }
            free(m), free(ctx);
        }
    }
    tt_count_report(&c);
}

/* The slow, obviously correct reference for the kernels and the division:
 * x mod m one bit at a time (shift in the next bit of x, subtract m when
 * the remainder reaches it), on at most TLS13_BN_MAX_LIMBS-limb moduli. */
static void slow_mod(tls13_limb *r, const tls13_limb *x, size_t xlimbs, const tls13_limb *m, size_t n)
{
    tls13_limb rem[TLS13_BN_MAX_LIMBS + 1], mm[TLS13_BN_MAX_LIMBS + 1];
    memset(rem, 0, sizeof(rem));
    memcpy(mm, m, n * sizeof(*m));
    mm[n] = 0;
    for (size_t bit = xlimbs * TLS13_LIMB_BITS; bit-- > 0;) {
        tls13_limb in = (x[bit / TLS13_LIMB_BITS] >> (bit % TLS13_LIMB_BITS)) & 1;
        for (size_t j = n + 1; j-- > 0;)
            rem[j] = (rem[j] << 1) | (j ? rem[j - 1] >> (TLS13_LIMB_BITS - 1) : in);
        if (!tls13_bn_lt_mask(rem, mm, n + 1))
            tls13_bn_sub(rem, rem, mm, n + 1);
    }
    memcpy(r, rem, n * sizeof(*r));
}

static uint64_t test_seed = 0x13198a2e03707344u;
static tls13_limb random_limb(void)
{
    test_seed = test_seed * 6364136223846793005u + 1442695040888963407u;
    return (tls13_limb)(test_seed >> 11) ^ (tls13_limb)(test_seed << 29);
}

/* An odd modulus of n limbs whose top limb is nonzero; `shape` varies the
 * top limb (full, a single low bit, random) and fills in all-ones moduli. */
static void random_modulus(tls13_limb *m, size_t n, int shape)
{
    for (size_t j = 0; j < n; j++)
        m[j] = shape == 3 ? (tls13_limb)~(tls13_limb)0 : random_limb();
    if (shape == 0)
        m[n - 1] |= (tls13_limb)1 << (TLS13_LIMB_BITS - 1);
    else if (shape == 1)
        m[n - 1] = 1;
    else if (m[n - 1] == 0)
        m[n - 1] = 5;
    m[0] |= 1;
}

/* The sizes checked: the unrolled kernels (16, 24, 32 limbs) and their
 * neighbours, tiny moduli, and the loop kernel at RSA-3072 and -4096 (the
 * division also at the maximum). */
static const size_t kernel_sizes[] = {1, 2, 3, 5, 15, 16, 17, 23, 24, 25, 31, 32, 33, 48, 64};

/* R^2 mod m by division (tls13_mont_init_vartime, and B^k mod m for other
 * k, x B^k mod m, tls13_mont_to_vartime) against the bit-by-bit reference
 * and the constant-time setup and conversion. */
static void division_setup_matches_reference(void **state)
{
    tt_count c = {"R^2, B^k and x B^k mod m by division vs bitwise reference", 0, 0, 0};
    static tls13_mont ct, vt;
    (void)state;
    for (size_t si = 0; si <= sizeof(kernel_sizes) / sizeof(kernel_sizes[0]); si++) {
        size_t n = si < sizeof(kernel_sizes) / sizeof(kernel_sizes[0]) ? kernel_sizes[si] : TLS13_BN_MAX_LIMBS;
        for (int shape = 0; shape < 4; shape++) {
            tls13_limb m[TLS13_BN_MAX_LIMBS], x[2 * TLS13_BN_MAX_LIMBS + 1], want[TLS13_BN_MAX_LIMBS],
                got[TLS13_BN_MAX_LIMBS];
            size_t ks[] = {0, 1, n - 1, n, n + 1, 2 * n};
            random_modulus(m, n, shape);
            assert_int_equal(tls13_mont_init(&ct, m, n), 1);
            assert_int_equal(tls13_mont_init_vartime(&vt, m, n), 1);
            assert_memory_equal(ct.rr, vt.rr, n * sizeof(tls13_limb));
            assert_true(vt.m0inv == ct.m0inv);
            /* Large moduli: only R^2 (the reference is slow there). */
            for (size_t i = n <= 33 ? 0 : 5; i < sizeof(ks) / sizeof(ks[0]); i++) {
                memset(x, 0, (ks[i] + 1) * sizeof(*x));
                x[ks[i]] = 1;
                slow_mod(want, x, ks[i] + 1, m, n);
                tls13_bn_radix_power_mod_vartime(got, ks[i], m, n);
                assert_memory_equal(got, want, n * sizeof(tls13_limb));
                c.run++;
                c.passed++;
            }
            /* x B^k mod m and x R mod m for x = 0, 1, m - 1 and random x,
             * against the reference and the constant-time conversion. */
            for (int trial = n <= 33 ? 0 : 2; trial < (n <= 33 ? 5 : 4); trial++) {
                tls13_limb xr[TLS13_BN_MAX_LIMBS], y[2 * TLS13_BN_MAX_LIMBS], ct_to[TLS13_BN_MAX_LIMBS];
                size_t k = trial == 4 ? 1 : n;
                memset(xr, 0, sizeof(xr));
                if (trial == 1)
                    xr[0] = 1;
                else if (trial == 2) {
                    memcpy(xr, m, n * sizeof(*xr));
                    xr[0] -= 1;
                } else if (trial >= 3) {
                    for (size_t j = 0; j < n; j++)
                        y[j] = random_limb();
                    slow_mod(xr, y, n, m, n);
                }
                memcpy(y, xr, n * sizeof(*xr));
                slow_mod(xr, y, n, m, n); /* 1 is not below m = 1 */
                memset(y, 0, sizeof(y));
                memcpy(y + k, xr, n * sizeof(*xr));
                slow_mod(want, y, n + k, m, n);
                tls13_bn_shift_mod_vartime(got, xr, k, m, n);
                assert_memory_equal(got, want, n * sizeof(tls13_limb));
                if (k == n) {
                    tls13_mont_to_vartime(&vt, got, xr);
                    tls13_mont_to(&ct, ct_to, xr, n);
                    assert_memory_equal(got, want, n * sizeof(tls13_limb));
                    assert_memory_equal(ct_to, want, n * sizeof(tls13_limb));
                }
                c.run++;
                c.passed++;
            }
        }
    }
    {
        /* m = 2^(3L-1) + 1, x = (2^(L-1) - 1) B^2 for L-bit limbs B: the
         * quotient digit of x B, exact on the top limbs, is one too large,
         * so the division's rare add-back step (Knuth's D6) runs. */
        tls13_limb m[3] = {1, 0, (tls13_limb)1 << (TLS13_LIMB_BITS - 1)};
        tls13_limb x[3] = {0, 0, ((tls13_limb)1 << (TLS13_LIMB_BITS - 1)) - 1};
        tls13_limb y[4] = {0, 0, 0, ((tls13_limb)1 << (TLS13_LIMB_BITS - 1)) - 1}, want[3], got[3];
        slow_mod(want, y, 4, m, 3);
        tls13_bn_shift_mod_vartime(got, x, 1, m, 3);
        assert_memory_equal(got, want, sizeof(got));
        c.run++;
        c.passed++;
    }
    {
        /* m = 1: everything is 0. */
        tls13_limb one = 1, r = 7;
        tls13_bn_radix_power_mod_vartime(&r, 2, &one, 1);
        assert_true(r == 0);
    }
    tt_count_report(&c);
}

/* c = a b R^-1 mod m (a == b: the squaring kernel; reduce: c = a R^-1 via
 * tls13_mont_from), checked as c < m and c R = a b (mod m). */
static void check_mont_op(const tls13_mont *ctx, const tls13_limb *a, const tls13_limb *b, int reduce)
{
    size_t n = ctx->limbs;
    tls13_limb c[TLS13_BN_MAX_LIMBS], prod[2 * TLS13_BN_MAX_LIMBS], cr[2 * TLS13_BN_MAX_LIMBS];
    tls13_limb lhs[TLS13_BN_MAX_LIMBS], rhs[TLS13_BN_MAX_LIMBS];
    if (reduce) {
        tls13_mont_from(ctx, c, a);
        slow_mod(rhs, a, n, ctx->m, n);
    } else {
        tls13_mont_mul(ctx, c, a, b);
        tls13_bn_mul(prod, a, n, b, n);
        slow_mod(rhs, prod, 2 * n, ctx->m, n);
    }
    assert_true(tls13_bn_lt_mask(c, ctx->m, n) != 0);
    memset(cr, 0, n * sizeof(*cr));
    memcpy(cr + n, c, n * sizeof(*c));
    slow_mod(lhs, cr, 2 * n, ctx->m, n);
    assert_memory_equal(lhs, rhs, n * sizeof(tls13_limb));
}

static void kernels_match_reference(void **state)
{
    tt_count c = {"Montgomery mul/square/reduce vs bitwise reference (all sizes)", 0, 0, 0};
    static tls13_mont ctx;
    (void)state;
    for (size_t si = 0; si < sizeof(kernel_sizes) / sizeof(kernel_sizes[0]); si++) {
        size_t n = kernel_sizes[si];
        /* Fewer random trials at the slowest sizes (the reference is
         * quadratic in the bit length per bit). */
        int trials = n <= 33 ? 6 : 1, large = n > 33;
        for (int shape = large; shape < 4; shape += 1 + large) {
            tls13_limb m[TLS13_BN_MAX_LIMBS], a[TLS13_BN_MAX_LIMBS], b[TLS13_BN_MAX_LIMBS];
            random_modulus(m, n, shape);
            assert_int_equal(tls13_mont_init_vartime(&ctx, m, n), 1);
            for (int trial = 0; trial < trials + 4; trial += large && trial < 3 ? 3 : 1) {
                memset(a, 0, sizeof(a));
                memset(b, 0, sizeof(b));
                if (trial == 0) { /* m - 1, the largest operand */
                    memcpy(a, m, n * sizeof(*a));
                    a[0] -= 1;
                    memcpy(b, a, n * sizeof(*b));
                } else if (trial == 1) { /* 0 and m - 1 */
                    memcpy(b, m, n * sizeof(*b));
                    b[0] -= 1;
                } else if (trial == 2) { /* 1 and m - 1 */
                    a[0] = 1;
                    memcpy(b, m, n * sizeof(*b));
                    b[0] -= 1;
                } else if (trial == 3) { /* R mod m (Montgomery 1) */
                    tls13_mont_one(&ctx, a);
                    memcpy(b, ctx.rr, n * sizeof(*b));
                } else {
                    tls13_limb x[TLS13_BN_MAX_LIMBS];
                    for (size_t j = 0; j < n; j++)
                        x[j] = random_limb();
                    slow_mod(a, x, n, m, n);
                    for (size_t j = 0; j < n; j++)
                        x[j] = random_limb();
                    slow_mod(b, x, n, m, n);
                }
                check_mont_op(&ctx, a, b, 0);
                check_mont_op(&ctx, a, a, 0); /* same pointer: squaring */
                check_mont_op(&ctx, b, b, 0);
                check_mont_op(&ctx, a, NULL, 1);
                c.run++;
                c.passed++;
            }
        }
    }
    tt_count_report(&c);
}

static void bytes_and_comparisons(void **state)
{
    static const uint8_t in[9] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09};
    uint8_t out[12];
    tls13_limb a[TLS13_BN_LIMBS_FOR_BYTES(12)], b[TLS13_BN_LIMBS_FOR_BYTES(12)];
    size_t n = TLS13_BN_LIMBS_FOR_BYTES(12);
    (void)state;
    assert_int_equal(tls13_bn_from_bytes(a, n, in, sizeof(in)), 1);
    tls13_bn_to_bytes(out, sizeof(out), a, n);
    tt_assert_hex(out, sizeof(out), "000000010203040506070809");
    tls13_bn_to_bytes(out, 4, a, n);
    tt_assert_hex(out, 4, "06070809");
    assert_int_equal(tls13_bn_bits_vartime(a, n), 65);
    /* Nine bytes do not fit in 64 bits; leading zero bytes do. */
    assert_int_equal(tls13_bn_from_bytes(b, 64 / TLS13_LIMB_BITS, in, sizeof(in)), 0);
    assert_int_equal(tls13_bn_from_bytes(b, 64 / TLS13_LIMB_BITS, out, 4), 1);
    assert_int_equal(tls13_bn_from_bytes(b, n, in, sizeof(in)), 1);
    assert_true(tls13_bn_eq_mask(a, b, n) != 0);
    assert_true(tls13_bn_lt_mask(a, b, n) == 0);
    b[0] ^= 1; /* b = a - 1 (a is odd) */
    assert_true(tls13_bn_eq_mask(a, b, n) == 0);
    assert_true(tls13_bn_lt_mask(b, a, n) != 0);
    assert_true(tls13_bn_lt_mask(a, b, n) == 0);
    assert_int_equal(tls13_bn_sub(b, b, a, n), 1);
    assert_true(tls13_bn_add(b, b, a, n) == 1);
    assert_true(tls13_bn_is_zero_mask(a, n) == 0);
    memset(b, 0, sizeof(b));
    assert_true(tls13_bn_is_zero_mask(b, n) != 0);
    /* Unusable moduli: even, or a zero top limb. */
    {
        tls13_mont ctx;
        tls13_limb even[2] = {4, 1}, short_top[2] = {5, 0};
        assert_int_equal(tls13_mont_init(&ctx, even, 2), 0);
        assert_int_equal(tls13_mont_init(&ctx, short_top, 2), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(modexp_known_values),
        cmocka_unit_test(reduction_of_long_inputs),
        cmocka_unit_test(multiplication),
        cmocka_unit_test(inversion),
        cmocka_unit_test(inversion_round_trips),
        cmocka_unit_test(bytes_and_comparisons),
        cmocka_unit_test(division_setup_matches_reference),
        cmocka_unit_test(kernels_match_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
