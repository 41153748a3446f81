// Readings of common Korean/Chinese name characters (Hanja/Hanzi), authored by hand.
// Each entry: character, Mandarin pinyin without tones, Sino-Korean reading in Hangul,
// and optionally the reading used when the character is a Korean surname (金 → 김, not 금).
// Traditional and simplified forms are listed separately where they differ.
// The Korean reading is written in Hangul so it is romanised by the same jamo arithmetic
// as any Hangul input — one source of truth for Korean sounds.
export const HAN_NAME_READINGS = `
金 jin 금 김|李 li 리|朴 piao 박|崔 cui 최|鄭 zheng 정|郑 zheng 정|姜 jiang 강|趙 zhao 조|赵 zhao 조
尹 yin 윤|張 zhang 장|张 zhang 장|林 lin 림|韓 han 한|韩 han 한|吳 wu 오|吴 wu 오|申 shen 신
徐 xu 서|權 quan 권|权 quan 권|黃 huang 황|黄 huang 황|安 an 안|宋 song 송|柳 liu 류|劉 liu 류
刘 liu 류|洪 hong 홍|全 quan 전|高 gao 고|文 wen 문|孫 sun 손|孙 sun 손|梁 liang 량|裵 pei 배
裴 pei 배|白 bai 백|曺 cao 조|曹 cao 조|許 xu 허|许 xu 허|南 nan 남|沈 shen 심|盧 lu 로|卢 lu 로
河 he 하|丁 ding 정|成 cheng 성|車 che 차|车 che 차|具 ju 구|郭 guo 곽|禹 yu 우|朱 zhu 주|任 ren 임
羅 luo 라|罗 luo 라|辛 xin 신|閔 min 민|闵 min 민|陳 chen 진|陈 chen 진|池 chi 지|嚴 yan 엄|严 yan 엄
元 yuan 원|蔡 cai 채|千 qian 천|方 fang 방|孔 kong 공|玄 xuan 현|咸 xian 함|卞 bian 변|廉 lian 렴
楊 yang 양|杨 yang 양|邊 bian 변|边 bian 변|呂 lv 려|吕 lv 려|秋 qiu 추|魯 lu 로|鲁 lu 로|都 du 도
石 shi 석|蘇 su 소|苏 su 소|馬 ma 마|马 ma 마|薛 xue 설|吉 ji 길|宣 xuan 선|周 zhou 주|延 yan 연
魏 wei 위|表 biao 표|明 ming 명|奇 qi 기|房 fang 방|潘 pan 반|王 wang 왕|琴 qin 금|玉 yu 옥|陸 lu 륙
陆 lu 륙|印 yin 인|孟 meng 맹|卓 zhuo 탁|秦 qin 진|太 tai 태|康 kang 강|田 tian 전|桂 gui 계|董 dong 동
于 yu 우|胡 hu 호|何 he 하|謝 xie 사|谢 xie 사|唐 tang 당|馮 feng 풍|冯 feng 풍|蕭 xiao 소|萧 xiao 소
程 cheng 정|袁 yuan 원|鄧 deng 등|邓 deng 등|傅 fu 부|曾 zeng 증|彭 peng 팽|蔣 jiang 장|蒋 jiang 장
賈 jia 가|贾 jia 가|葉 ye 엽|叶 ye 엽|閻 yan 염|阎 yan 염|余 yu 여|杜 du 두|戴 dai 대|夏 xia 하
鍾 zhong 종|钟 zhong 종|汪 wang 왕|范 fan 범|姚 yao 요|譚 tan 담|谭 tan 담|廖 liao 료|鄒 zou 추
邹 zou 추|熊 xiong 웅|郝 hao 학|毛 mao 모|邱 qiu 구|江 jiang 강|史 shi 사|顧 gu 고|顾 gu 고|侯 hou 후
邵 shao 소|龍 long 룡|龙 long 룡|萬 wan 만|万 wan 만|段 duan 단|雷 lei 뢰|錢 qian 전|钱 qian 전
湯 tang 탕|汤 tang 탕|黎 li 려|易 yi 역|常 chang 상|武 wu 무|喬 qiao 교|乔 qiao 교|賀 he 하|贺 he 하
賴 lai 뢰|赖 lai 뢰|龔 gong 공|龚 gong 공|習 xi 습|习 xi 습|温 wen 온|溫 wen 온|陶 tao 도|牛 niu 우
正 zheng 정|恩 en 은|日 ri 일|一 yi 일|哲 zhe 철|喆 zhe 철|鐵 tie 철|铁 tie 철|徹 che 철|澈 che 철
永 yong 영|英 ying 영|榮 rong 영|荣 rong 영|泳 yong 영|映 ying 영|瑛 ying 영|勇 yong 용|容 rong 용
用 yong 용|鏞 yong 용|光 guang 광|廣 guang 광|广 guang 광|國 guo 국|国 guo 국|俊 jun 준|峻 jun 준
浚 jun 준|竣 jun 준|準 zhun 준|准 zhun 준|秀 xiu 수|洙 zhu 수|壽 shou 수|寿 shou 수|守 shou 수
植 zhi 식|式 shi 식|湜 shi 식|錫 xi 석|锡 xi 석|碩 shuo 석|硕 shuo 석|赫 he 혁|革 ge 혁|爀 he 혁
浩 hao 호|鎬 hao 호|虎 hu 호|昊 hao 호|好 hao 호|湖 hu 호|豪 hao 호|鎭 zhen 진|鎮 zhen 진|镇 zhen 진
珍 zhen 진|眞 zhen 진|真 zhen 진|進 jin 진|进 jin 진|震 zhen 진|振 zhen 진|晋 jin 진|晉 jin 진
仁 ren 인|寅 yin 인|人 ren 인|敏 min 민|民 min 민|旻 min 민|玟 min 민|男 nan 남|滿 man 만|满 man 만
晩 wan 만|相 xiang 상|尙 shang 상|尚 shang 상|祥 xiang 상|商 shang 상|福 fu 복|復 fu 복|順 shun 순
顺 shun 순|淳 chun 순|純 chun 순|纯 chun 순|舜 shun 순|春 chun 춘|燦 can 찬|灿 can 찬|贊 zan 찬
赞 zan 찬|讚 zan 찬|昌 chang 창|倉 cang 창|彰 zhang 창|昶 chang 창|宗 zong 종|鐘 zhong 종|種 zhong 종
种 zhong 종|奉 feng 봉|鳳 feng 봉|凤 feng 봉|峰 feng 봉|熙 xi 희|姬 ji 희|喜 xi 희|希 xi 희|禧 xi 희
輝 hui 휘|辉 hui 휘|煥 huan 환|焕 huan 환|桓 huan 환|和 he 화|華 hua 화|华 hua 화|花 hua 화|化 hua 화
學 xue 학|学 xue 학|鶴 he 학|鹤 he 학|漢 han 한|汉 han 한|翰 han 한|海 hai 해|賢 xian 현|贤 xian 현
鉉 xuan 현|炫 xuan 현|顯 xian 현|显 xian 현|亨 heng 형|炯 jiong 형|衡 heng 형|兄 xiong 형|孝 xiao 효
曉 xiao 효|晓 xiao 효|效 xiao 효|勳 xun 훈|勋 xun 훈|薰 xun 훈|熏 xun 훈|訓 xun 훈|训 xun 훈|弘 hong 홍
紅 hong 홍|红 hong 홍|興 xing 흥|兴 xing 흥|基 ji 기|起 qi 기|琪 qi 기|棋 qi 기|根 gen 근|槿 jin 근
近 jin 근|錦 jin 금|锦 jin 금|今 jin 금|奎 kui 규|圭 gui 규|揆 kui 규|均 jun 균|京 jing 경|慶 qing 경
庆 qing 경|敬 jing 경|景 jing 경|卿 qing 경|炅 jiong 경|鏡 jing 경|镜 jing 경|耕 geng 경|經 jing 경
经 jing 경|建 jian 건|健 jian 건|乾 qian 건|傑 jie 걸|杰 jie 걸|坤 kun 곤|公 gong 공|功 gong 공
寬 kuan 관|宽 kuan 관|官 guan 관|冠 guan 관|觀 guan 관|观 guan 관|九 jiu 구|求 qiu 구|久 jiu 구
君 jun 군|軍 jun 군|军 jun 군|貴 gui 귀|贵 gui 귀|年 nian 년|寧 ning 녕|宁 ning 녕|達 da 달|达 da 달
大 da 대|德 de 덕|悳 de 덕|道 dao 도|度 du 도|東 dong 동|东 dong 동|斗 dou 두|得 de 득|洛 luo 락
樂 le 락|乐 le 락|蘭 lan 란|兰 lan 란|來 lai 래|来 lai 래|亮 liang 량|良 liang 량|烈 lie 렬|玲 ling 령
令 ling 령|禮 li 례|礼 li 례|路 lu 로|祿 lu 록|禄 lu 록|綠 lv 록|绿 lv 록|倫 lun 륜|伦 lun 륜|律 lv 률
隆 long 륭|利 li 리|里 li 리|理 li 리|立 li 립|梅 mei 매|勉 mian 면|命 ming 명|鳴 ming 명|鸣 ming 명
模 mo 모|茂 mao 무|務 wu 무|务 wu 무|聞 wen 문|闻 wen 문|美 mei 미|博 bo 박|泊 bo 박|培 pei 배
伯 bo 백|百 bai 백|範 fan 범|凡 fan 범|法 fa 법|炳 bing 병|秉 bing 병|丙 bing 병|兵 bing 병|柄 bing 병
寶 bao 보|宝 bao 보|輔 fu 보|甫 fu 보|普 pu 보|保 bao 보|本 ben 본|富 fu 부|夫 fu 부|芬 fen 분
彬 bin 빈|斌 bin 빈|士 shi 사|四 si 사|思 si 사|師 shi 사|师 shi 사|山 shan 산|三 san 삼|森 sen 삼
瑞 rui 서|西 xi 서|書 shu 서|书 shu 서|善 shan 선|先 xian 선|仙 xian 선|雪 xue 설|聖 sheng 성
圣 sheng 성|星 xing 성|誠 cheng 성|诚 cheng 성|性 xing 성|城 cheng 성|盛 sheng 성|世 shi 세|小 xiao 소
昭 zhao 소|素 su 소|松 song 송|淑 shu 숙|叔 shu 숙|崇 chong 숭|承 cheng 승|勝 sheng 승|胜 sheng 승
昇 sheng 승|升 sheng 승|時 shi 시|时 shi 시|始 shi 시|詩 shi 시|诗 shi 시|信 xin 신|新 xin 신|神 shen 신
臣 chen 신|實 shi 실|实 shi 실|心 xin 심|深 shen 심|雅 ya 아|岳 yue 악|愛 ai 애|爱 ai 애|陽 yang 양
阳 yang 양|洋 yang 양|彦 yan 언|彥 yan 언|業 ye 업|业 ye 업|如 ru 여|汝 ru 여|淵 yuan 연|渊 yuan 연
然 ran 연|燕 yan 연|藝 yi 예|艺 yi 예|五 wu 오|午 wu 오|吾 wu 오|完 wan 완|旺 wang 왕|堯 yao 요
尧 yao 요|耀 yao 요|友 you 우|宇 yu 우|雨 yu 우|祐 you 우|佑 you 우|旭 xu 욱|昱 yu 욱|雲 yun 운
云 yun 운|運 yun 운|运 yun 운|雄 xiong 웅|源 yuan 원|遠 yuan 원|远 yuan 원|園 yuan 원|园 yuan 원
媛 yuan 원|原 yuan 원|月 yue 월|偉 wei 위|伟 wei 위|威 wei 위|衛 wei 위|卫 wei 위|有 you 유|裕 yu 유
惟 wei 유|維 wei 유|维 wei 유|育 yu 육|允 yun 윤|潤 run 윤|润 run 윤|銀 yin 은|银 yin 은|殷 yin 은
乙 yi 을|音 yin 음|應 ying 응|应 ying 응|義 yi 의|义 yi 의|毅 yi 의|宜 yi 의|二 er 이|伊 yi 이|益 yi 익
翼 yi 익|逸 yi 일|子 zi 자|慈 ci 자|作 zuo 작|長 chang 장|长 chang 장|章 zhang 장|壯 zhuang 장
壮 zhuang 장|在 zai 재|載 zai 재|载 zai 재|才 cai 재|材 cai 재|財 cai 재|财 cai 재|哉 zai 재|宰 zai 재
典 dian 전|貞 zhen 정|贞 zhen 정|晶 jing 정|靜 jing 정|静 jing 정|廷 ting 정|庭 ting 정|定 ding 정
政 zheng 정|精 jing 정|井 jing 정|濟 ji 제|济 ji 제|帝 di 제|齊 qi 제|齐 qi 제|祖 zu 조|朝 chao 조
照 zhao 조|兆 zhao 조|柱 zhu 주|珠 zhu 주|仲 zhong 중|重 zhong 중|中 zhong 중|智 zhi 지|志 zhi 지
之 zhi 지|知 zhi 지|芝 zhi 지|至 zhi 지|直 zhi 직|采 cai 채|彩 cai 채|天 tian 천|川 chuan 천|泉 quan 천
靑 qing 청|青 qing 청|淸 qing 청|清 qing 청|忠 zhong 충|充 chong 충|致 zhi 치|治 zhi 치|七 qi 칠
泰 tai 태|台 tai 태|通 tong 통|統 tong 통|统 tong 통|八 ba 팔|平 ping 평|豊 feng 풍|豐 feng 풍|丰 feng 풍
弼 bi 필|必 bi 필|荷 he 하|幸 xing 행|香 xiang 향|向 xiang 향|憲 xian 헌|宪 xian 헌|惠 hui 혜|慧 hui 혜
厚 hou 후|明 ming 명|軒 xuan 헌|轩 xuan 헌|峯 feng 봉|鉄 tie 철|沢 ze 택|澤 ze 택|泽 ze 택|宅 zhai 택
`;

// Japanese name readings (kun/nanori) for the commonest name kanji. Several readings
// per character because Japanese names are read idiomatically (rendaku: 林 hayashi/bayashi).
export const JAPANESE_NAME_READINGS = `
田 ta da|中 naka|山 yama|川 kawa gawa|本 moto|木 ki gi|村 mura|藤 fuji to do|佐 sa|鈴 suzu|高 taka
橋 hashi bashi|渡 wata|辺 nabe be|伊 i|小 ko o|林 hayashi bayashi|松 matsu|井 i|上 ue kami|加 ka
子 ko|花 hana|美 mi|太 ta|郎 ro|一 ichi kazu|健 ken|大 o dai|和 kazu wa|明 aki|石 ishi|野 no|島 shima jima
原 hara bara|森 mori|池 ike|清 kiyo|水 mizu|谷 tani ya|前 mae|吉 yoshi|岡 oka|長 naga|久 hisa|保 ho bo
宮 miya|崎 saki zaki|斎 sai|坂 saka zaka|阿 a|部 be|近 chika|内 uchi|安 yasu|西 nishi|東 higashi
北 kita|南 minami|秀 hide|雄 o|夫 o|男 o|正 masa|博 hiro|浩 hiro|弘 hiro|隆 taka|由 yu|真 ma|智 tomo
裕 hiro|直 nao|幸 yuki|愛 ai|春 haru|菜 na|奈 na|香 ka|千 chi|代 yo|江 e|理 ri|里 ri sato|沙 sa|紀 ki
義 yoshi|信 nobu|光 mitsu|晴 haru|英 hide|也 ya|人 hito to|次 ji|介 suke|平 hei|康 yasu|俊 toshi
恵 e|洋 hiro|亮 ryo|陽 haru|竹 take|福 fuku|豊 toyo|寺 dera tera|尾 o|沢 sawa zawa|澤 sawa|浜 hama
`;
