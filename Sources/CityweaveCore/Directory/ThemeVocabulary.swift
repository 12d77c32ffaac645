/// The themes in the six interface languages (Chinese, English, Spanish,
/// French, Arabic and Russian): each theme's name, and the words city
/// officials search it by. A query that names a theme in any of them finds
/// that theme's practices in every language (see ``ThemeQuery``).
extension Theme {
    public struct Words: Sendable {
        public let name: String
        /// Besides the name; no word belongs to two themes in one language.
        public let keywords: [String]

        /// The name and the keywords.
        public var all: [String] { [name] + keywords }
    }

    /// By theme, then by language code.
    public static let vocabulary: [Theme: [String: Words]] = [
        .climate: [
            "en": Words(
                name: "Climate",
                keywords: [
                    "climate change", "climate action", "greenhouse gas", "carbon emissions", "net zero",
                    "decarbonization",
                ]),
            "zh": Words(
                name: "气候",
                keywords: ["气候变化", "碳中和", "碳达峰", "温室气体", "减排", "低碳"]),
            "es": Words(
                name: "Clima",
                keywords: [
                    "cambio climático", "acción climática", "emisiones", "gases de efecto invernadero",
                    "neutralidad de carbono", "descarbonización",
                ]),
            "fr": Words(
                name: "Climat",
                keywords: [
                    "changement climatique", "action climatique", "gaz à effet de serre", "émissions de CO2",
                    "neutralité carbone", "décarbonation",
                ]),
            "ar": Words(
                name: "المناخ",
                keywords: [
                    "تغير المناخ", "العمل المناخي", "الانبعاثات", "الغازات الدفيئة", "الحياد الكربوني", "إزالة الكربون",
                ]),
            "ru": Words(
                name: "Климат",
                keywords: [
                    "изменение климата", "выбросы парниковых газов", "углеродная нейтральность", "декарбонизация",
                    "низкоуглеродное развитие",
                ]),
        ],
        .culture: [
            "en": Words(
                name: "Culture",
                keywords: ["arts", "heritage", "museums", "festivals", "libraries", "creative industries"]),
            "zh": Words(
                name: "文化",
                keywords: ["文化遗产", "非遗", "博物馆", "艺术", "图书馆", "公共文化"]),
            "es": Words(
                name: "Cultura",
                keywords: ["patrimonio", "museos", "artes", "festivales", "bibliotecas", "industrias creativas"]),
            "fr": Words(
                name: "Culture",
                keywords: ["patrimoine", "musées", "arts", "festivals", "bibliothèques", "industries créatives"]),
            "ar": Words(
                name: "الثقافة",
                keywords: ["التراث", "المتاحف", "الفنون", "المهرجانات", "المكتبات", "الصناعات الإبداعية"]),
            "ru": Words(
                name: "Культура",
                keywords: [
                    "культурное наследие", "музеи", "искусство", "фестивали", "библиотеки", "креативные индустрии",
                ]),
        ],
        .digital: [
            "en": Words(
                name: "Digital and data",
                keywords: ["smart city", "open data", "digitalization", "e-government", "broadband", "cybersecurity"]),
            "zh": Words(
                name: "数字与数据",
                keywords: ["数字化", "智慧城市", "大数据", "数据开放", "数字政府", "网络安全", "信息化"]),
            "es": Words(
                name: "Digital y datos",
                keywords: [
                    "ciudad inteligente", "datos abiertos", "transformación digital", "gobierno electrónico",
                    "conectividad", "ciberseguridad",
                ]),
            "fr": Words(
                name: "Numérique et données",
                keywords: [
                    "ville intelligente", "données ouvertes", "transformation numérique", "administration numérique",
                    "cybersécurité", "fracture numérique",
                ]),
            "ar": Words(
                name: "الرقمنة والبيانات",
                keywords: [
                    "المدينة الذكية", "البيانات المفتوحة", "التحول الرقمي", "الحكومة الإلكترونية", "الأمن السيبراني",
                    "الإنترنت",
                ]),
            "ru": Words(
                name: "Цифровизация и данные",
                keywords: [
                    "умный город", "открытые данные", "цифровая трансформация", "электронное правительство",
                    "госуслуги", "кибербезопасность",
                ]),
        ],
        .economy: [
            "en": Words(
                name: "Economy and jobs",
                keywords: [
                    "employment", "jobs", "small business", "entrepreneurship", "investment", "tourism",
                    "local economy",
                ]),
            "zh": Words(
                name: "经济与就业",
                keywords: ["就业", "创业", "中小企业", "招商引资", "营商环境", "旅游"]),
            "es": Words(
                name: "Economía y empleo",
                keywords: [
                    "empleo", "emprendimiento", "pymes", "inversión", "turismo", "desarrollo económico",
                    "comercio local",
                ]),
            "fr": Words(
                name: "Économie et emploi",
                keywords: [
                    "emploi", "entrepreneuriat", "PME", "investissement", "tourisme", "commerce local",
                    "développement économique",
                ]),
            "ar": Words(
                name: "الاقتصاد وفرص العمل",
                keywords: [
                    "فرص العمل", "التوظيف", "البطالة", "ريادة الأعمال", "المشاريع الصغيرة", "الاستثمار", "السياحة",
                ]),
            "ru": Words(
                name: "Экономика и занятость",
                keywords: ["занятость", "рабочие места", "малый бизнес", "предпринимательство", "инвестиции", "туризм"]),
        ],
        .education: [
            "en": Words(
                name: "Education",
                keywords: [
                    "schools", "teachers", "lifelong learning", "vocational training", "early childhood", "students",
                ]),
            "zh": Words(
                name: "教育",
                keywords: ["学校", "教师", "职业教育", "学前教育", "义务教育", "终身学习"]),
            "es": Words(
                name: "Educación",
                keywords: [
                    "escuelas", "docentes", "formación profesional", "aprendizaje permanente", "primera infancia",
                    "estudiantes",
                ]),
            "fr": Words(
                name: "Éducation",
                keywords: [
                    "écoles", "enseignants", "formation professionnelle", "apprentissage", "petite enfance", "élèves",
                ]),
            "ar": Words(
                name: "التعليم",
                keywords: ["المدارس", "المعلمون", "التدريب المهني", "التعلم مدى الحياة", "الطفولة المبكرة", "الطلاب"]),
            "ru": Words(
                name: "Образование",
                keywords: [
                    "школы", "учителя", "профессиональное образование", "дошкольное образование",
                    "обучение в течение жизни", "студенты",
                ]),
        ],
        .energy: [
            "en": Words(
                name: "Energy",
                keywords: [
                    "renewable energy", "solar", "energy efficiency", "district heating", "electricity",
                    "energy poverty",
                ]),
            "zh": Words(
                name: "能源",
                keywords: ["可再生能源", "清洁能源", "节能", "光伏", "供暖", "电力"]),
            "es": Words(
                name: "Energía",
                keywords: [
                    "energías renovables", "energía solar", "eficiencia energética", "electricidad",
                    "pobreza energética", "autoconsumo",
                ]),
            "fr": Words(
                name: "Énergie",
                keywords: [
                    "énergies renouvelables", "énergie solaire", "efficacité énergétique", "rénovation énergétique",
                    "précarité énergétique", "réseau de chaleur",
                ]),
            "ar": Words(
                name: "الطاقة",
                keywords: [
                    "الطاقة المتجددة", "الطاقة الشمسية", "كفاءة الطاقة", "الكهرباء", "ترشيد الطاقة", "فقر الطاقة",
                ]),
            "ru": Words(
                name: "Энергетика",
                keywords: [
                    "возобновляемая энергетика", "солнечная энергия", "энергоэффективность", "энергосбережение",
                    "теплоснабжение", "электроэнергия",
                ]),
        ],
        .environment: [
            "en": Words(
                name: "Environment",
                keywords: ["air quality", "waste", "recycling", "green spaces", "biodiversity", "water pollution"]),
            "zh": Words(
                name: "环境",
                keywords: ["生态环境", "环境保护", "空气质量", "垃圾分类", "污水处理", "生物多样性", "绿化"]),
            "es": Words(
                name: "Medio ambiente",
                keywords: [
                    "calidad del aire", "residuos", "reciclaje", "zonas verdes", "biodiversidad", "contaminación",
                ]),
            "fr": Words(
                name: "Environnement",
                keywords: [
                    "pollution atmosphérique", "déchets", "recyclage", "espaces verts", "biodiversité", "pollution",
                ]),
            "ar": Words(
                name: "البيئة",
                keywords: [
                    "جودة الهواء", "النفايات", "إعادة التدوير", "المساحات الخضراء", "التنوع البيولوجي", "التلوث",
                ]),
            "ru": Words(
                name: "Окружающая среда",
                keywords: [
                    "экология", "качество воздуха", "отходы", "переработка отходов", "озеленение", "биоразнообразие",
                ]),
        ],
        .equity: [
            "en": Words(
                name: "Equity and inclusion",
                keywords: [
                    "social inclusion", "gender equality", "disability", "accessibility", "poverty", "discrimination",
                ]),
            "zh": Words(
                name: "公平与包容",
                keywords: ["社会包容", "性别平等", "残疾人", "无障碍", "弱势群体", "反歧视", "扶贫"]),
            "es": Words(
                name: "Equidad e inclusión",
                keywords: [
                    "inclusión social", "igualdad de género", "discapacidad", "accesibilidad", "pobreza",
                    "discriminación",
                ]),
            "fr": Words(
                name: "Équité et inclusion",
                keywords: [
                    "inclusion sociale", "égalité femmes-hommes", "handicap", "accessibilité", "pauvreté",
                    "discriminations",
                ]),
            "ar": Words(
                name: "المساواة والإدماج",
                keywords: [
                    "الإدماج الاجتماعي", "المساواة بين الجنسين", "ذوو الإعاقة", "إمكانية الوصول", "الفقر", "التمييز",
                ]),
            "ru": Words(
                name: "Равенство и инклюзия",
                keywords: [
                    "инклюзия", "гендерное равенство", "люди с инвалидностью", "доступная среда", "бедность",
                    "дискриминация",
                ]),
        ],
        .governance: [
            "en": Words(
                name: "Governance",
                keywords: [
                    "transparency", "citizen participation", "participatory budgeting", "anti-corruption",
                    "accountability", "open government",
                ]),
            "zh": Words(
                name: "治理",
                keywords: ["城市治理", "基层治理", "政务公开", "公众参与", "政务服务", "廉政"]),
            "es": Words(
                name: "Gobernanza",
                keywords: [
                    "transparencia", "participación ciudadana", "presupuestos participativos", "rendición de cuentas",
                    "anticorrupción", "gobierno abierto",
                ]),
            "fr": Words(
                name: "Gouvernance",
                keywords: [
                    "transparence", "participation citoyenne", "budget participatif", "démocratie locale",
                    "lutte contre la corruption", "redevabilité",
                ]),
            "ar": Words(
                name: "الحوكمة",
                keywords: [
                    "الشفافية", "المشاركة المجتمعية", "الموازنة التشاركية", "مكافحة الفساد", "المساءلة",
                    "الحكومة المفتوحة",
                ]),
            "ru": Words(
                name: "Управление",
                keywords: [
                    "прозрачность", "участие граждан", "инициативное бюджетирование", "противодействие коррупции",
                    "открытое правительство", "местное самоуправление",
                ]),
        ],
        .health: [
            "en": Words(
                name: "Health",
                keywords: ["public health", "hospitals", "mental health", "pandemic", "healthcare", "vaccination"]),
            "zh": Words(
                name: "健康",
                keywords: ["公共卫生", "疫情", "医疗", "医院", "心理健康", "疾病防控"]),
            "es": Words(
                name: "Salud",
                keywords: [
                    "salud pública", "hospitales", "salud mental", "pandemia", "atención primaria", "vacunación",
                ]),
            "fr": Words(
                name: "Santé",
                keywords: ["santé publique", "hôpitaux", "santé mentale", "pandémie", "accès aux soins", "vaccination"]),
            "ar": Words(
                name: "الصحة",
                keywords: ["الصحة العامة", "المستشفيات", "الصحة النفسية", "الجائحة", "الرعاية الصحية", "التطعيم"]),
            "ru": Words(
                name: "Здравоохранение",
                keywords: [
                    "общественное здоровье", "больницы", "психическое здоровье", "пандемия", "поликлиники",
                    "вакцинация",
                ]),
        ],
        .housing: [
            "en": Words(
                name: "Housing",
                keywords: ["affordable housing", "homelessness", "social housing", "tenants", "rent"]),
            "zh": Words(
                name: "住房",
                keywords: ["保障性住房", "住房保障", "公租房", "租房", "棚户区改造", "老旧小区改造"]),
            "es": Words(
                name: "Vivienda",
                keywords: [
                    "vivienda asequible", "vivienda social", "personas sin hogar", "alquiler", "inquilinos",
                    "desahucios",
                ]),
            "fr": Words(
                name: "Logement",
                keywords: [
                    "logement social", "logement abordable", "sans-abri", "locataires", "loyers", "mal-logement",
                ]),
            "ar": Words(
                name: "الإسكان",
                keywords: ["السكن الميسر", "الإسكان الاجتماعي", "التشرد", "الإيجار", "المستأجرون", "العشوائيات"]),
            "ru": Words(
                name: "Жильё",
                keywords: [
                    "доступное жильё", "социальное жильё", "бездомность", "аренда жилья", "ЖКХ", "капитальный ремонт",
                ]),
        ],
        .migration: [
            "en": Words(
                name: "Migration",
                keywords: ["migrants", "refugees", "integration", "asylum", "newcomers", "diaspora"]),
            "zh": Words(
                name: "移民",
                keywords: ["流动人口", "外来人口", "难民", "社会融入", "外籍人士"]),
            "es": Words(
                name: "Migración",
                keywords: ["migrantes", "refugiados", "integración", "asilo", "acogida", "diáspora"]),
            "fr": Words(
                name: "Migrations",
                keywords: ["migrants", "réfugiés", "intégration", "asile", "accueil des migrants", "diaspora"]),
            "ar": Words(
                name: "الهجرة",
                keywords: ["المهاجرون", "اللاجئون", "النازحون", "اللجوء", "الاندماج", "الجاليات"]),
            "ru": Words(
                name: "Миграция",
                keywords: [
                    "мигранты", "беженцы", "адаптация мигрантов", "интеграция", "трудовая миграция", "переселенцы",
                ]),
        ],
        .mobility: [
            "en": Words(
                name: "Mobility",
                keywords: ["public transport", "cycling", "walking", "road safety", "buses", "electric vehicles"]),
            "zh": Words(
                name: "交通",
                keywords: ["公共交通", "地铁", "公交", "骑行", "步行", "交通拥堵", "新能源汽车"]),
            "es": Words(
                name: "Movilidad",
                keywords: [
                    "transporte público", "bicicleta", "peatones", "seguridad vial", "autobuses",
                    "vehículos eléctricos",
                ]),
            "fr": Words(
                name: "Mobilité",
                keywords: [
                    "transports en commun", "vélo", "marche à pied", "sécurité routière", "bus",
                    "véhicules électriques",
                ]),
            "ar": Words(
                name: "التنقل",
                keywords: [
                    "النقل العام", "الدراجات الهوائية", "المشاة", "السلامة المرورية", "الحافلات", "المركبات الكهربائية",
                ]),
            "ru": Words(
                name: "Транспорт",
                keywords: [
                    "мобильность", "общественный транспорт", "велосипеды", "пешеходы",
                    "безопасность дорожного движения", "электромобили",
                ]),
        ],
        .peace: [
            "en": Words(
                name: "Peace and diplomacy",
                keywords: [
                    "city diplomacy", "peacebuilding", "reconciliation", "twinning", "sister cities",
                    "conflict prevention",
                ]),
            "zh": Words(
                name: "和平与外交",
                keywords: ["和平", "城市外交", "友好城市", "国际交流", "和解"]),
            "es": Words(
                name: "Paz y diplomacia",
                keywords: [
                    "diplomacia de ciudades", "construcción de paz", "reconciliación", "hermanamiento",
                    "ciudades hermanas", "cooperación descentralizada",
                ]),
            "fr": Words(
                name: "Paix et diplomatie",
                keywords: [
                    "diplomatie des villes", "consolidation de la paix", "réconciliation", "jumelage",
                    "villes jumelles", "coopération décentralisée",
                ]),
            "ar": Words(
                name: "السلام والدبلوماسية",
                keywords: [
                    "الدبلوماسية الحضرية", "بناء السلام", "المصالحة", "توأمة المدن", "التعاون اللامركزي",
                    "منع النزاعات",
                ]),
            "ru": Words(
                name: "Мир и дипломатия",
                keywords: [
                    "городская дипломатия", "миростроительство", "примирение", "города-побратимы", "побратимство",
                    "международное сотрудничество",
                ]),
        ],
        .resilience: [
            "en": Words(
                name: "Resilience",
                keywords: [
                    "disaster risk reduction", "emergency preparedness", "flooding", "early warning",
                    "disaster recovery", "climate adaptation",
                ]),
            "zh": Words(
                name: "韧性",
                keywords: ["韧性城市", "防灾", "减灾", "应急管理", "防汛", "灾后重建"]),
            "es": Words(
                name: "Resiliencia",
                keywords: [
                    "gestión de riesgos", "desastres", "inundaciones", "alerta temprana", "protección civil",
                    "reconstrucción",
                ]),
            "fr": Words(
                name: "Résilience",
                keywords: [
                    "gestion des risques", "catastrophes naturelles", "inondations", "alerte précoce",
                    "prévention des risques", "reconstruction",
                ]),
            "ar": Words(
                name: "المرونة",
                keywords: [
                    "المرونة الحضرية", "القدرة على الصمود", "الحد من مخاطر الكوارث", "الفيضانات", "الإنذار المبكر",
                    "التأهب للطوارئ", "إعادة الإعمار",
                ]),
            "ru": Words(
                name: "Устойчивость к бедствиям",
                keywords: [
                    "жизнестойкость", "снижение риска бедствий", "чрезвычайные ситуации", "наводнения",
                    "раннее оповещение", "восстановление после бедствий",
                ]),
        ],
        .security: [
            "en": Words(
                name: "Safety and security",
                keywords: [
                    "crime prevention", "policing", "violence prevention", "public safety", "CCTV",
                    "emergency services",
                ]),
            "zh": Words(
                name: "安全",
                keywords: ["公共安全", "社会治安", "安全生产", "消防", "预防犯罪", "反恐"]),
            "es": Words(
                name: "Seguridad",
                keywords: [
                    "seguridad ciudadana", "prevención del delito", "policía local", "prevención de la violencia",
                    "videovigilancia", "convivencia",
                ]),
            "fr": Words(
                name: "Sécurité",
                keywords: [
                    "sécurité publique", "prévention de la délinquance", "police municipale", "tranquillité publique",
                    "vidéoprotection", "violences",
                ]),
            "ar": Words(
                name: "الأمن والسلامة",
                keywords: [
                    "السلامة العامة", "الأمن المجتمعي", "منع الجريمة", "الشرطة", "كاميرات المراقبة", "الدفاع المدني",
                ]),
            "ru": Words(
                name: "Безопасность",
                keywords: [
                    "общественная безопасность", "профилактика преступности", "полиция", "безопасный город",
                    "видеонаблюдение", "профилактика насилия",
                ]),
        ],
    ]
}
